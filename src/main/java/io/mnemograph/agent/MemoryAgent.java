package io.mnemograph.agent;

import java.util.List;

/**
 * The agent that turns a stored memory into a note of the graph (A-MEM): it writes the note (keywords, tags, a
 * one-sentence context), decides which candidate memories to link and why, and how the neighbours' context and tags
 * should evolve now that the new memory exists. Implementations decide; they never write to the graph themselves.
 * Chosen by {@code mnemograph.agent} ({@code heuristic}, the default, or {@code llm}).
 */
public interface MemoryAgent {

    /** The name recorded on what this agent decides (links' {@code by}, revisions' {@code agent}). */
    String name();

    /**
     * Writes the note of a new memory. Keywords and tags the caller gave are kept and come first. Never null; an
     * implementation that cannot decide returns what the caller gave plus what it can derive.
     */
    Note construct(NoteRequest request);

    /**
     * Decides links and evolution for a new memory (its note already written) among {@code candidates} (memories of
     * the same scope, best first). Links and evolutions may only name candidates; anything else is dropped by the
     * caller. An empty candidate list gives empty decisions.
     */
    Decisions decide(NewMemory memory, List<Neighbour> candidates);

    /**
     * Whether deciding calls a model over the network. Such an agent runs in a transaction of its own after the
     * memories are stored (a model call must never hold a write transaction open); one that decides locally runs in
     * the transaction that stores them.
     */
    default boolean callsModel() {
        return false;
    }
}
