package io.mnemograph.agent;

import io.mnemograph.config.MnemographConfig;
import io.mnemograph.embedding.Embedder;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

/** Chooses the memory agent by {@code mnemograph.agent}. */
public class AgentProducer {

    @Produces
    @Singleton
    @Typed(HeuristicAgent.class)
    HeuristicAgent heuristic(Embedder embedder) {
        return new HeuristicAgent(embedder);
    }

    @Produces
    @Singleton
    MemoryAgent agent(MnemographConfig config, HeuristicAgent heuristic) {
        String kind = config.agent().kind();
        return switch (kind) {
            case "heuristic" -> heuristic;
            default -> throw new IllegalStateException("mnemograph.agent '" + kind + "' is not known: use heuristic or llm");
        };
    }
}
