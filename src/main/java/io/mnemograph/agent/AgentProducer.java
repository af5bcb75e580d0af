package io.mnemograph.agent;

import io.micrometer.core.instrument.MeterRegistry;
import io.mnemograph.agent.llm.AgentStats;
import io.mnemograph.agent.llm.ChatModels;
import io.mnemograph.agent.llm.LlmClient;
import io.mnemograph.config.MnemographConfig;
import io.mnemograph.embedding.Embedder;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Chooses the memory agent by {@code mnemograph.agent}. */
public class AgentProducer {

    private static final Logger LOG = Logger.getLogger(AgentProducer.class);

    @Produces
    @Singleton
    @Typed(HeuristicAgent.class)
    HeuristicAgent heuristic(Embedder embedder) {
        return new HeuristicAgent(embedder);
    }

    @Produces
    @Singleton
    AgentStats stats(MeterRegistry registry) {
        return new AgentStats(registry);
    }

    @Produces
    @Singleton
    MemoryAgent agent(MnemographConfig config, HeuristicAgent heuristic, AgentStats stats) {
        String kind = config.agent().kind();
        return switch (kind) {
            case "heuristic" -> heuristic;
            case "llm" -> llm(config.agent().llm(), heuristic, stats);
            default -> throw new IllegalStateException("mnemograph.agent '" + kind + "' is not known: use heuristic or llm");
        };
    }

    private static MemoryAgent llm(MnemographConfig.Llm c, HeuristicAgent heuristic, AgentStats stats) {
        String model = ChatModels.modelName(c);
        // Building the model contacts nothing; the first call happens for the first memory.
        LlmClient client = new LlmClient(ChatModels.build(c), c.provider() + "/" + model, c.cacheSize());
        LOG.infof("Memory agent: llm (%s, model %s, timeout %s, %d call(s) a memory, cache %d), heuristic fallback",
                c.provider(), model, c.timeout(), c.budget(), c.cacheSize());
        return new LlmAgent(client, heuristic, stats, c.budget());
    }
}
