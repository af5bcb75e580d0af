package io.mnemograph.agent.llm;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The LLM agent's counters, at {@code /q/metrics}: {@code mnemograph_agent_llm_calls_total{step}} (HTTP calls made),
 * {@code mnemograph_agent_llm_cache_hits_total{step}}, {@code mnemograph_agent_llm_failures_total{step,reason}} (a step
 * the heuristic agent decided instead) and {@code mnemograph_agent_llm_dropped_total{what}} (parts of an answer thrown
 * away by validation). Steps are {@code note} and {@code link}.
 */
public final class AgentStats {

    /** Why a step fell back to the heuristic agent. */
    public enum Failure {
        /** no answer within {@code mnemograph.agent.llm.timeout} */
        TIMEOUT,
        /** the endpoint answered with an error or could not be reached */
        HTTP,
        /** the answer was not the JSON object the prompt asks for */
        MALFORMED,
        /** the answer was valid JSON but said nothing usable */
        EMPTY,
        /** every id in the answer was one the prompt did not offer */
        NOT_OFFERED;

        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public AgentStats(MeterRegistry registry) {
        this.registry = registry;
    }

    public void call(String step) {
        counter("mnemograph.agent.llm.calls", "HTTP calls the LLM agent made", "step", step).increment();
    }

    public void cacheHit(String step) {
        counter("mnemograph.agent.llm.cache.hits", "LLM answers taken from the prompt cache", "step", step).increment();
    }

    public void failure(String step, Failure reason) {
        counter("mnemograph.agent.llm.failures", "LLM agent steps the heuristic agent decided instead",
                "step", step, "reason", reason.tag()).increment();
    }

    public void dropped(String what, int n) {
        if (n > 0) {
            counter("mnemograph.agent.llm.dropped", "parts of LLM answers dropped by validation", "what", what)
                    .increment(n);
        }
    }

    private Counter counter(String name, String description, String... tags) {
        return counters.computeIfAbsent(name + String.join(",", tags),
                k -> Counter.builder(name).description(description).tags(tags).register(registry));
    }
}
