package io.mnemograph.memory;

/**
 * How far to reach into the shared vector index for one scope. Neo4j 5.26's vector index has no pre-filter: it
 * returns the global top k, so a scope holding a small share of the store needs a larger k, and past a point an
 * exact scan of the scope is cheaper than the index.
 */
public final class VectorReach {

    /** Most the index is asked for; beyond, scan the scope (~10 µs a memory). */
    public static final int MAX_INDEX_K = 4000;

    private VectorReach() {
    }

    /**
     * The k to ask an index that filters by scope itself (Neo4j 2026.01+): every hit is the scope's, so only the
     * index's approximate misses and the memories the status and time filters drop need room.
     */
    public static int kFiltered(int want) {
        return (int) Math.ceil(want * 1.5);
    }

    /** The k to ask the index for to keep about {@code want} hits of the scope, or -1 to scan the scope instead. */
    public static int k(int want, long inScope, long total) {
        if (inScope <= 0) {
            return 0;
        }
        double share = (double) inScope / Math.max(1, Math.max(total, inScope));
        // 1.5: room for the index's approximate misses and for memories the filters drop.
        long k = (long) Math.ceil(want / share * 1.5);
        return k > MAX_INDEX_K ? -1 : (int) Math.max(k, want);
    }
}
