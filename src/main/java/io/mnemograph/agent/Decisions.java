package io.mnemograph.agent;

import java.util.List;

/**
 * What the agent decided for a new memory: links to make and changes to its neighbours.
 *
 * @param supersede the older candidate the new memory updates (a knowledge update), or null
 * @param by who decided, recorded on the links and revisions; null means the agent itself ({@link MemoryAgent#name()}).
 *           An agent that hands a decision to another (the LLM agent falling back to the heuristic one) names it here.
 */
public record Decisions(List<LinkDecision> links, List<Evolution> evolutions, Supersede supersede, String by) {

    public Decisions(List<LinkDecision> links, List<Evolution> evolutions) {
        this(links, evolutions, null, null);
    }

    public Decisions(List<LinkDecision> links, List<Evolution> evolutions, Supersede supersede) {
        this(links, evolutions, supersede, null);
    }

    /** The same decisions, recorded as made by {@code by}. */
    public Decisions by(String by) {
        return new Decisions(links, evolutions, supersede, by);
    }

    public static Decisions none() {
        return new Decisions(List.of(), List.of(), null, null);
    }

    /** The new memory updates candidate {@code oldId} (a knowledge update): the older one stops being true. */
    public record Supersede(String oldId, String reason) {
    }

    /** Link the new memory with {@code targetId}; strength in (0, 1]. */
    public record LinkDecision(String targetId, String reason, double strength) {
    }

    /**
     * Change a neighbour: {@code field} is {@code context} (after = the new sentence) or {@code tags} (after = the
     * full new tag list).
     */
    public record Evolution(String memoryId, String field, String context, List<String> tags, String reason) {
    }
}
