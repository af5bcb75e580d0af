package io.mnemograph.graph;

import io.mnemograph.graph.MemoryVectors.Hit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * The vectors of one scope's memories, normalised, quantized to int8 and packed in one array, with nearest-neighbour
 * search. Not thread-safe: {@link InProcessVectorIndex} guards each instance.
 *
 * <p>Each vector is held as one byte a dimension and one float (its scale): 384 + 4 bytes instead of 1,536, so that a
 * million memories fit in ~0.6 GB of heap. The int8 cosine is within ~1e-3 of the exact one, close enough to choose a
 * shortlist but not to rank: {@link #shortlist} gives the {@link #shortlistSize(int)} best by int8 cosine, and
 * {@link #rerank} ranks again by the exact vectors (the caller reads them from the graph) the k best of them and those
 * whose int8 cosine is within {@link #INT8_MARGIN} of the k-th's.
 *
 * <p>Up to {@link #EXACT_LIMIT} memories the int8 pass visits every vector (~0.1 µs each at 384 dimensions). Above,
 * each vector also has a binary code (the sign of each dimension after subtracting the scope's mean, one bit a
 * dimension): a pass over the codes by Hamming distance (XOR and bit count, a few nanoseconds a memory) keeps the
 * {@code max(k × RERANK_FACTOR, MIN_RERANK)} closest for the int8 pass. At 100k memories this is ~1 ms, where Neo4j's
 * HNSW index took 4-9 ms and an exact pass ~20 ms.
 */
final class ScopeVectors {

    /** Up to this many memories, search compares every vector exactly. */
    static final int EXACT_LIMIT = 4096;
    /** Codes keep this many times k for exact re-ranking... */
    static final int RERANK_FACTOR = 40;
    /** ...and at least this many. */
    static final int MIN_RERANK = 2000;
    /** The int8 pass keeps this many times k for the exact ranking... */
    static final int SHORTLIST_FACTOR = 2;
    /** ...and at least this many. */
    static final int MIN_SHORTLIST = 100;
    /**
     * Twice the largest gap seen between an int8 cosine and the exact one (5e-3, asserted by ScopeVectorsTest): a
     * memory ranked below the k-th by int8 can only rank among the exact k best if its int8 cosine is within this of
     * the k-th's, so only those are read exactly (issue 15: each exact vector read from the graph costs ~20 µs).
     */
    static final double INT8_MARGIN = 0.01;

    private int dimensions; // taken from the first vector added
    private int words;
    /*
     * The int8 vectors in pages of PAGE vectors: a large scope grows by a page, not by copying everything into an
     * array 1.5 or 2 times larger (which at a million memories left up to a third of the heap unused). A page itself
     * grows by 1.5× up to PAGE, so a small scope takes little.
     */
    private static final int PAGE_BITS = 10;
    private static final int PAGE = 1 << PAGE_BITS;
    private byte[][] pages = new byte[0][];
    private float[] scales = new float[0]; // vector i dequantized = scales[i] × its bytes: a unit vector, near enough
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
        long paged = 16L * pages.length;
        for (byte[] page : pages) {
            paged += page.length;
        }
        return paged + 4L * scales.length + 8L * seqs.length + 8L * ids.length
                + (codes == null ? 0 : 8L * codes.length) + 100L * size;
    }

    /** How many of the int8 pass's best {@link #rerank} ranks exactly to answer k. */
    static int shortlistSize(int k) {
        return Math.max(k * SHORTLIST_FACTOR, MIN_SHORTLIST);
    }

    boolean holds(String id) {
        return position.containsKey(id);
    }

    /** Adds a memory's vector (normalised here); a memory already held, or a vector of another size, is ignored. */
    void add(String id, long seq, float[] vector) {
        if (size == 0 && codes == null && vector.length != dimensions) {
            dimensions = vector.length;
            words = (dimensions + 63) / 64;
            pages = new byte[0][];
            scales = new float[0];
            seqs = new long[0];
            ids = new String[0];
        }
        if (position.containsKey(id) || vector.length != dimensions) {
            return;
        }
        if (size == ids.length) {
            int capacity = Math.max(16, size + size / 2); // 1.5×: less slack than doubling at a million
            scales = Arrays.copyOf(scales, capacity);
            seqs = Arrays.copyOf(seqs, capacity);
            ids = Arrays.copyOf(ids, capacity);
            if (codes != null) {
                codes = Arrays.copyOf(codes, capacity * words);
            }
        }
        room(size);
        quantize(unit(vector), size);
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
            System.arraycopy(page(last), base(last), page(at), base(at), dimensions);
            scales[at] = scales[last];
            if (codes != null) {
                System.arraycopy(codes, last * words, codes, at * words, words);
            }
            seqs[at] = seqs[last];
            ids[at] = ids[last];
            position.put(ids[at], at);
        }
        Arrays.fill(page(last), base(last), base(last) + dimensions, (byte) 0);
        scales[last] = 0f;
        if (codes != null) {
            Arrays.fill(codes, last * words, (last + 1) * words, 0L);
        }
        ids[last] = null;
        size--;
    }

    /**
     * The int8 cosine to {@code query} of each of these memories held here, into {@code into} (as the search computes
     * it, within ~1e-3 of the exact one); those not held are left out.
     */
    void cosines(float[] query, Collection<String> ids, Map<String, Double> into) {
        if (size == 0 || query.length != dimensions) {
            return;
        }
        Query fixed = new Query(unit(query));
        for (String id : ids) {
            Integer at = position.get(id);
            if (at != null) {
                into.put(id, dot(fixed, at));
            }
        }
    }

    /** The vector held for this memory, dequantized (a unit vector within int8's precision), or null. */
    float[] vector(String id) {
        Integer at = position.get(id);
        return at == null ? null : vector(at);
    }

    /**
     * The at most k memories numbered below {@code beforeSeq} most similar to {@code query}, best first, with exact
     * cosines: the int8 shortlist ranked again by the exact vectors {@code exact} gives for ids (see
     * {@link #rerank}).
     */
    List<Hit> nearest(float[] query, int k, long beforeSeq, Function<Collection<String>, Map<String, float[]>> exact) {
        return rerank(query, shortlist(query, shortlistSize(k), beforeSeq), k, exact);
    }

    /**
     * The exact ranking of a shortlist: each id's cosine to {@code query} from the vector {@code exact} gives for it
     * (an id it gives none for, such as a memory erased meanwhile, is left out), the best k first.
     */
    static List<Hit> rerank(float[] query, List<Hit> shortlist, int k,
                            Function<Collection<String>, Map<String, float[]>> exact) {
        return rerank(query, shortlist, k, k, exact);
    }

    /**
     * {@link #rerank(float[], List, int, Function)} where only the {@code exactBest} best by int8 are ranked by exact
     * vectors when that is fewer than k; the rest of the k keep their int8 cosines.
     */
    static List<Hit> rerank(float[] query, List<Hit> shortlist, int k, int exactBest,
                            Function<Collection<String>, Map<String, float[]>> exact) {
        if (shortlist.isEmpty()) {
            return List.of();
        }
        List<Hit> out = new ArrayList<>();
        if (exactBest < k) {
            int n = Math.min(exactBest, shortlist.size());
            exactly(query, shortlist.subList(0, n), exact, out);
            // the next ones by int8, as many as the exact read left room for (an erased memory reads as nothing)
            out.addAll(shortlist.subList(n, Math.min(shortlist.size(), n + k - out.size())));
        } else {
            int n = shortlist.size();
            if (n > k) { // best first by int8 cosine
                double floor = shortlist.get(k - 1).cosine() - INT8_MARGIN;
                n = k;
                while (n < shortlist.size() && shortlist.get(n).cosine() >= floor) {
                    n++;
                }
            }
            exactly(query, shortlist.subList(0, n), exact, out);
            if (out.size() < k && n < shortlist.size()) { // some were erased meanwhile: the rest of the shortlist
                exactly(query, shortlist.subList(n, shortlist.size()), exact, out);
            }
        }
        out.sort((a, b) -> Double.compare(b.cosine(), a.cosine()));
        return out.size() > k ? new ArrayList<>(out.subList(0, k)) : out;
    }

    private static void exactly(float[] query, List<Hit> hits, Function<Collection<String>, Map<String, float[]>> exact,
                                List<Hit> out) {
        Map<String, float[]> vectors = exact.apply(hits.stream().map(Hit::id).toList());
        for (Hit h : hits) {
            float[] v = vectors.get(h.id());
            if (v != null) {
                out.add(new Hit(h.id(), io.mnemograph.embedding.Vectors.cosine(query, v)));
            }
        }
    }

    /**
     * The at most k memories numbered below {@code beforeSeq} most similar to {@code query} by their int8 vectors,
     * best first, with int8 cosines (within ~1e-3 of the exact ones).
     */
    List<Hit> shortlist(float[] query, int k, long beforeSeq) {
        // as many codes per exact answer as before quantization: k here is already the shortlist's size
        return shortlist(query, k, Math.max(k * RERANK_FACTOR / SHORTLIST_FACTOR, MIN_RERANK), beforeSeq);
    }

    /**
     * {@link #shortlist(float[], int, long)} where the pass over the binary codes keeps {@code keep} memories for the
     * int8 pass (above {@link #EXACT_LIMIT} memories), which decides how well the best of the k are found.
     */
    List<Hit> shortlist(float[] query, int k, int keep, long beforeSeq) {
        return shortlists(List.of(query), k, keep, beforeSeq).get(0);
    }

    /**
     * {@link #shortlist(float[], int, int, long)} of each of several queries. Above {@link #EXACT_LIMIT} memories one
     * pass over the codes serves them all (issue 15: at a million memories that pass reads 48 MB of codes, and the
     * agent asks for each new memory of a batch).
     */
    List<List<Hit>> shortlists(List<float[]> queries, int k, int keep, long beforeSeq) {
        List<List<Hit>> out = new ArrayList<>(queries.size());
        if (k <= 0 || size == 0) {
            queries.forEach(q -> out.add(List.of()));
            return out;
        }
        float[][] units = new float[queries.size()][];
        for (int j = 0; j < units.length; j++) {
            units[j] = queries.get(j).length == dimensions ? unit(queries.get(j)) : null; // another model's: none
        }
        byte[][] distances = size > EXACT_LIMIT ? distances(units, beforeSeq) : null;
        for (int j = 0; j < units.length; j++) {
            if (units[j] == null) {
                out.add(List.of());
                continue;
            }
            Query fixed = new Query(units[j]);
            PriorityQueue<Hit> best = new PriorityQueue<>(k + 1, (a, b) -> Double.compare(a.cosine(), b.cosine()));
            if (distances == null) {
                for (int i = 0; i < size; i++) {
                    if (seqs[i] < beforeSeq) {
                        offer(best, k, i, fixed);
                    }
                }
            } else {
                pick(distances[j], fixed, Math.max(keep, k), best, k);
            }
            List<Hit> hits = new ArrayList<>(best);
            hits.sort((a, b) -> Double.compare(b.cosine(), a.cosine()));
            out.add(hits);
        }
        return out;
    }

    /**
     * The binary pass: each query's Hamming distance to every code, in a byte each (none that matters reaches
     * {@link #FAR}), {@link #EXCLUDED} for a memory numbered at or after {@code beforeSeq}; each code is read once for
     * all the queries. A null query gets distances that are never used.
     */
    private byte[][] distances(float[][] units, long beforeSeq) {
        int n = units.length;
        long[][] qc = new long[n][words];
        for (int j = 0; j < n; j++) {
            if (units[j] != null) {
                code(units[j], 0, qc[j], 0);
            }
        }
        byte[][] distance = new byte[n][size];
        if (words == 6 && n == 1) { // recall's one query, in registers (the loop below ran ~1.5x slower for one)
            long q0 = qc[0][0], q1 = qc[0][1], q2 = qc[0][2], q3 = qc[0][3], q4 = qc[0][4], q5 = qc[0][5];
            long[] c = codes;
            byte[] d0 = distance[0];
            for (int i = 0, b = 0; i < size; i++, b += 6) {
                int d = Long.bitCount(c[b] ^ q0) + Long.bitCount(c[b + 1] ^ q1) + Long.bitCount(c[b + 2] ^ q2)
                        + Long.bitCount(c[b + 3] ^ q3) + Long.bitCount(c[b + 4] ^ q4) + Long.bitCount(c[b + 5] ^ q5);
                d0[i] = (byte) Math.min(d, FAR);
            }
        } else if (words == 6) { // 384 dimensions (the default model): each code's six words in registers
            long[] c = codes;
            for (int i = 0, b = 0; i < size; i++, b += 6) {
                long c0 = c[b], c1 = c[b + 1], c2 = c[b + 2], c3 = c[b + 3], c4 = c[b + 4], c5 = c[b + 5];
                for (int j = 0; j < n; j++) {
                    long[] q = qc[j];
                    int d = Long.bitCount(c0 ^ q[0]) + Long.bitCount(c1 ^ q[1]) + Long.bitCount(c2 ^ q[2])
                            + Long.bitCount(c3 ^ q[3]) + Long.bitCount(c4 ^ q[4]) + Long.bitCount(c5 ^ q[5]);
                    distance[j][i] = (byte) Math.min(d, FAR);
                }
            }
        } else {
            for (int i = 0; i < size; i++) {
                int base = i * words;
                for (int j = 0; j < n; j++) {
                    int d = 0;
                    for (int w = 0; w < words; w++) {
                        d += Long.bitCount(codes[base + w] ^ qc[j][w]);
                    }
                    distance[j][i] = (byte) Math.min(d, FAR);
                }
            }
        }
        if (beforeSeq != Long.MAX_VALUE) {
            for (int i = 0; i < size; i++) {
                if (seqs[i] >= beforeSeq) {
                    for (byte[] d : distance) {
                        d[i] = (byte) EXCLUDED;
                    }
                }
            }
        }
        return distance;
    }

    /**
     * The {@code keep} closest codes by {@code distance} (ties at the cut included) ranked by int8, their k best into
     * {@code best}. Issue 15: at 100k memories most of a search is the binary pass and this; the int8 cosines of the
     * kept are sorted once rather than pushed through a heap, which took a search of 100k synthetic vectors from
     * 1.8-3.2 ms (unsteady) to 2.0-2.1 ms.
     */
    private void pick(byte[] distance, Query fixed, int keep, PriorityQueue<Hit> best, int k) {
        int[] histogram = new int[EXCLUDED + 1];
        for (int i = 0; i < size; i++) {
            histogram[distance[i] & 0xff]++;
        }
        int cut = 0;
        for (int seen = 0; cut < FAR && seen + histogram[cut] < keep; cut++) {
            seen += histogram[cut];
        }
        // each kept memory as one sortable long: its int8 cosine's float bits (ordered as ints) above its position
        long[] kept = new long[Math.min(size, keep + histogram[cut])];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if ((distance[i] & 0xff) <= cut) { // fewer than keep + histogram[cut]: seen stayed below keep
                int bits = Float.floatToIntBits((float) dot(fixed, i));
                bits ^= (bits >> 31) & 0x7fffffff;
                kept[n++] = ((long) bits << 32) | i;
            }
        }
        Arrays.sort(kept, 0, n);
        for (int j = n - 1; j >= Math.max(0, n - k); j--) {
            int i = (int) kept[j];
            best.add(new Hit(ids[i], dot(fixed, i)));
        }
    }

    /** A binary distance of this or more counts as this one (kept in a byte); no search's cut reaches it. */
    private static final int FAR = 254;
    /** The byte distance of a memory the search leaves out (numbered at or after its {@code beforeSeq}). */
    private static final int EXCLUDED = 255;

    private void offer(PriorityQueue<Hit> best, int k, int i, Query q) {
        double cosine = dot(q, i);
        if (best.size() < k) {
            best.add(new Hit(ids[i], cosine));
        } else if (cosine > best.peek().cosine()) {
            best.poll();
            best.add(new Hit(ids[i], cosine));
        }
    }

    /**
     * The query in 16-bit fixed point: an integer dot product with the int8 vectors runs ~1.7× faster than a float one
     * (no conversion per dimension), and 16 bits add ~1e-5 to the int8 vectors' own ~1e-3 error.
     */
    private static final class Query {
        // 16-bit values held as ints: the product with a byte then needs no widening of the query (~20% faster)
        final int[] values;
        final double scale;

        Query(float[] unit) {
            float largest = 0;
            for (float x : unit) {
                largest = Math.max(largest, Math.abs(x));
            }
            // the sum of dimensions × 127 × steps must fit an int (384 dimensions: the full 16 bits)
            int steps = (int) Math.min(Short.MAX_VALUE, Integer.MAX_VALUE / (127L * Math.max(1, unit.length)));
            values = new int[unit.length];
            scale = largest == 0 ? 0 : largest / steps;
            for (int d = 0; d < unit.length && largest > 0; d++) {
                values[d] = Math.round(unit[d] * steps / largest);
            }
        }
    }

    private double dot(Query q, int i) {
        int base = base(i);
        byte[] data = page(i);
        int[] values = q.values;
        int sum = 0;
        for (int d = 0; d < dimensions; d++) {
            sum += values[d] * data[base + d];
        }
        return sum * q.scale * scales[i];
    }

    private float value(int i, int d) {
        return page(i)[base(i) + d] * scales[i];
    }

    private byte[] page(int i) {
        return pages[i >> PAGE_BITS];
    }

    private int base(int i) {
        return (i & (PAGE - 1)) * dimensions;
    }

    /** Makes room for vector i, the next one: a new page, or a larger last page. */
    private void room(int i) {
        int p = i >> PAGE_BITS;
        if (p == pages.length) {
            pages = Arrays.copyOf(pages, p + 1);
            pages[p] = new byte[16 * dimensions];
        }
        int vectors = pages[p].length / dimensions;
        if ((i & (PAGE - 1)) == vectors) {
            pages[p] = Arrays.copyOf(pages[p], Math.min(PAGE, vectors + vectors / 2) * dimensions);
        }
    }

    /**
     * Stores a unit vector at position i: each dimension rounded to one of 255 steps of the vector's largest
     * magnitude, and a scale that makes the dequantized vector a unit vector again (so dot products are cosines).
     */
    private void quantize(float[] unit, int i) {
        float largest = 0;
        for (float x : unit) {
            largest = Math.max(largest, Math.abs(x));
        }
        int base = base(i);
        byte[] data = page(i);
        if (largest == 0) {
            Arrays.fill(data, base, base + dimensions, (byte) 0);
            scales[i] = 0f;
            return;
        }
        double norm = 0;
        for (int d = 0; d < dimensions; d++) {
            int q = Math.round(unit[d] * 127 / largest);
            data[base + d] = (byte) q;
            norm += (double) q * q;
        }
        scales[i] = (float) (1 / Math.sqrt(norm));
    }

    /**
     * Codes for every held vector, centred on the mean of those held when the scope first outgrows exact search (kept
     * fixed after: any centre is valid, this one makes the bits informative).
     */
    private void buildCodes() {
        mean = new float[dimensions];
        for (int i = 0; i < size; i++) {
            for (int d = 0; d < dimensions; d++) {
                mean[d] += value(i, d) / size;
            }
        }
        codes = new long[ids.length * words];
        for (int i = 0; i < size; i++) {
            encode(i);
        }
    }

    private void encode(int i) {
        code(vector(i), 0, codes, i * words);
    }

    private float[] vector(int i) {
        float[] out = new float[dimensions];
        for (int d = 0; d < dimensions; d++) {
            out[d] = value(i, d);
        }
        return out;
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
