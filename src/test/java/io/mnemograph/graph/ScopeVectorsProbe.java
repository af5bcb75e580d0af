package io.mnemograph.graph;

import java.util.List;

/**
 * Today's per-scope index ({@link ScopeVectors}, package-private) opened to the benchmarks in another package, so
 * they measure the production class itself rather than a copy. Memories are numbered: their ids are the numbers.
 */
public final class ScopeVectorsProbe {

    private final ScopeVectors vectors = new ScopeVectors();

    public void add(int number, float[] vector) {
        vectors.add(Integer.toString(number), number, vector);
    }

    /** The numbers of the int8 pass's {@code size} best for {@code query}, best first (not yet re-ranked). */
    public int[] shortlist(float[] query, int size) {
        List<MemoryVectors.Hit> hits = vectors.shortlist(query, size, Long.MAX_VALUE);
        int[] out = new int[hits.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Integer.parseInt(hits.get(i).id());
        }
        return out;
    }

    /** What production asks the int8 pass for to answer k. */
    public static int shortlistSize(int k) {
        return ScopeVectors.shortlistSize(k);
    }

    /** The index's own estimate of its heap (the /q/metrics gauge). */
    public long heapBytes() {
        return vectors.heapBytes();
    }

    public int size() {
        return vectors.size();
    }
}
