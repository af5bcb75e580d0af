package io.mnemograph.graph;

import java.util.Collection;

/**
 * Writes to memories that the process queued instead of running them at once (recall's reinforcement leaves the read
 * path that way). Whoever reads memories from the graph asks for theirs first, so a read never misses a write that
 * happened before it.
 */
public interface DeferredWrites {

    /** Writes what is queued for any of these memories (and whatever else is queued with it); no-op if nothing is. */
    void flush(Collection<String> memoryIds);
}
