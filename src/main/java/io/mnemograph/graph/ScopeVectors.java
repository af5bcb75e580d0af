package io.mnemograph.graph;

import io.mnemograph.graph.MemoryVectors.Hit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The vectors of one scope's memories, normalised and packed in one array, with nearest-neighbour search. Not
 * thread-safe: {@link InProcessVectorIndex} guards each instance.
 *
 * <p>Search is exact up to {@link #EXACT_LIMIT} memories (a dot product each, ~0.1 µs at 384 dimensions). Above, each
 * vector also has a binary code (the sign of each dimension after subtracting the scope's mean, one bit a dimension):
 * a pass over the codes by Hamming distance (XOR and bit count, a few nanoseconds a memory) keeps the
 * {@code max(k × RERANK_FACTOR, MIN_RERANK)} closest, and those are ranked again by exact cosine. At 100k memories
 * this is ~1 ms, where Neo4j's HNSW index took 4-9 ms and an exact pass ~20 ms.
 */
final class ScopeVectors {

    /** Up to this many memories, search compares every vector exactly. */
    static final int EXACT_LIMIT = 4096;
    /** Codes keep this many times k for exact re-ranking... */
    static final int RERANK_FACTOR = 40;
    /** ...and at least this many. */
    static final int MIN_RERANK = 2000;

    private int dimensions; // taken from the first vector added
    private int words;
    private float[] data = new float[0];
    private long[] seqs = new long[0];
    private String[] ids = new String[0];
    private long[] codes; // null until the scope outgrows exact search
    private float[] mean;
    private int size;
    private final Map<String, Integer> position = new HashMap<>();

    ScopeVectors() {
    }

    int size() {
        return size;
    }

    /** About the heap this scope's vectors take: the arrays, and ~100 bytes a memory for its id and position. */
    long heapBytes() {
        return 4L * data.length + 8L * seqs.length + 8L * ids.length + (codes == null ? 0 : 8L * codes.length)
                + 100L * size;
    }

    boolean holds(String id) {
        return position.containsKey(id);
    }

    /** Adds a memory's vector (normalised here); a memory already held, or a vector of another size, is ignored. */
    void add(String id, long seq, float[] vector) {
        if (size == 0 && codes == null && vector.length != dimensions) {
            dimensions = vector.length;
            words = (dimensions + 63) / 64;
            data = new float[0];
            seqs = new long[0];
            ids = new String[0];
        }
        if (position.containsKey(id) || vector.length != dimensions) {
            return;
        }
        if (size == ids.length) {
            int capacity = Math.max(16, size * 2);
            data = Arrays.copyOf(data, capacity * dimensions);
            seqs = Arrays.copyOf(seqs, capacity);
            ids = Arrays.copyOf(ids, capacity);
            if (codes != null) {
                codes = Arrays.copyOf(codes, capacity * words);
            }
        }
        float[] unit = unit(vector);
        System.arraycopy(unit, 0, data, size * dimensions, dimensions);
        seqs[size] = seq;
        ids[size] = id;
        if (codes != null) {
            encode(size);
        }
        position.put(id, size);
        size++;
        if (codes == null && size > EXACT_LIMIT) {
            buildCodes(); // here, under the caller's write lock: searches only read
        }
    }

    /** Removes a memory; its vector is overwritten, not just unlisted. */
    void remove(String id) {
        Integer at = position.remove(id);
        if (at == null) {
            return;
        }
        int last = size - 1;
        if (at != last) {
            System.arraycopy(data, last * dimensions, data, at * dimensions, dimensions);
            if (codes != null) {
                System.arraycopy(codes, last * words, codes, at * words, words);
            }
            seqs[at] = seqs[last];
            ids[at] = ids[last];
            position.put(ids[at], at);
        }
        Arrays.fill(data, last * dimensions, (last + 1) * dimensions, 0f);
        if (codes != null) {
            Arrays.fill(codes, last * words, (last + 1) * words, 0L);
        }
        ids[last] = null;
        size--;
    }

    /** The unit vector held for this memory (a copy), or null. */
    float[] vector(String id) {
        Integer at = position.get(id);
        return at == null ? null : Arrays.copyOfRange(data, at * dimensions, (at + 1) * dimensions);
    }

    /** The at most k memories numbered below {@code beforeSeq} most similar to {@code query}, best first. */
    List<Hit> nearest(float[] query, int k, long beforeSeq) {
        if (k <= 0 || size == 0 || query.length != dimensions) {
            return List.of();
        }
        float[] q = unit(query);
        PriorityQueue<Hit> best = new PriorityQueue<>(k + 1, (a, b) -> Double.compare(a.cosine(), b.cosine()));
        if (size <= EXACT_LIMIT) {
            for (int i = 0; i < size; i++) {
                if (seqs[i] < beforeSeq) {
                    offer(best, k, i, q);
                }
            }
        } else {
            shortlist(q, Math.max(k * RERANK_FACTOR, MIN_RERANK), beforeSeq, best, k);
        }
        List<Hit> out = new ArrayList<>(best);
        out.sort((a, b) -> Double.compare(b.cosine(), a.cosine()));
        return out;
    }

    /** The binary pass: the {@code keep} closest codes (ties at the cut included) re-ranked exactly into {@code best}. */
    private void shortlist(float[] q, int keep, long beforeSeq, PriorityQueue<Hit> best, int k) {
        long[] qc = new long[words];
        code(q, 0, qc, 0);
        int[] distance = new int[size];
        int[] histogram = new int[dimensions + 1];
        for (int i = 0; i < size; i++) {
            if (seqs[i] >= beforeSeq) {
                distance[i] = -1;
                continue;
            }
            int d = 0;
            int base = i * words;
            for (int w = 0; w < words; w++) {
                d += Long.bitCount(codes[base + w] ^ qc[w]);
            }
            distance[i] = d;
            histogram[d]++;
        }
        int cut = 0;
        for (int seen = 0; cut < dimensions && seen + histogram[cut] < keep; cut++) {
            seen += histogram[cut];
        }
        for (int i = 0; i < size; i++) {
            if (distance[i] >= 0 && distance[i] <= cut) {
                offer(best, k, i, q);
            }
        }
    }

    private void offer(PriorityQueue<Hit> best, int k, int i, float[] q) {
        double cosine = dot(q, i);
        if (best.size() < k) {
            best.add(new Hit(ids[i], cosine));
        } else if (cosine > best.peek().cosine()) {
            best.poll();
            best.add(new Hit(ids[i], cosine));
        }
    }

    private double dot(float[] q, int i) {
        int base = i * dimensions;
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int d = 0;
        for (; d + 3 < dimensions; d += 4) {
            s0 += q[d] * data[base + d];
            s1 += q[d + 1] * data[base + d + 1];
            s2 += q[d + 2] * data[base + d + 2];
            s3 += q[d + 3] * data[base + d + 3];
        }
        for (; d < dimensions; d++) {
            s0 += q[d] * data[base + d];
        }
        return (double) s0 + s1 + s2 + s3;
    }

    /**
     * Codes for every held vector, centred on the mean of those held when the scope first outgrows exact search (kept
     * fixed after: any centre is valid, this one makes the bits informative).
     */
    private void buildCodes() {
        mean = new float[dimensions];
        for (int i = 0; i < size; i++) {
            for (int d = 0; d < dimensions; d++) {
                mean[d] += data[i * dimensions + d] / size;
            }
        }
        codes = new long[ids.length * words];
        for (int i = 0; i < size; i++) {
            encode(i);
        }
    }

    private void encode(int i) {
        code(data, i * dimensions, codes, i * words);
    }

    private void code(float[] vector, int from, long[] into, int at) {
        Arrays.fill(into, at, at + words, 0L);
        for (int d = 0; d < dimensions; d++) {
            if (vector[from + d] > mean[d]) {
                into[at + d / 64] |= 1L << (d % 64);
            }
        }
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float[] out = new float[v.length];
        if (norm == 0) {
            return out;
        }
        float inverse = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * inverse;
        }
        return out;
    }
}
