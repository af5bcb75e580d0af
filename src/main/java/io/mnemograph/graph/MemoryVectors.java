package io.mnemograph.graph;

import io.mnemograph.embedding.Vectors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The embeddings of stored memories as this process holds them. Two kinds, by storage mode: embedded mode holds every
 * memory's vector quantized to int8, scope by scope, and answers nearest-neighbour queries itself (Neo4j's vector
 * index is dropped there: it was most of the cost of storing a memory and of recalling at scale, and it cannot filter
 * by scope), ranking its int8 shortlist again by the exact vectors read from the graph;
 * server mode holds recent vectors only and leaves nearest-neighbour search to Neo4j's vector index, since replicas
 * share the database, not their memory. A memory's embedding never changes once stored, so nothing held is stale;
 * erasing a memory removes it (no trace of erased content may stay behind).
 */
public interface MemoryVectors {

    /** A memory close to a query: its id and cosine similarity in [-1, 1]. */
    record Hit(String id, double cosine) {
    }

    /**
     * Whether {@link #nearest} can answer, for every memory of a scope (embedded mode). When false the caller asks
     * the graph's vector index.
     */
    boolean searchable();

    /**
     * Records memories of one scope whose transaction has committed: {@code ids}, their arrival numbers ({@code seqs})
     * and their vectors, as parallel lists. A memory already held is left as it is.
     */
    void added(String scope, List<String> ids, List<Long> seqs, List<float[]> vectors);

    /** How many vectors the process holds now (a gauge at /q/metrics). */
    long held();

    /** About how much heap the held vectors take, in bytes (a gauge at /q/metrics). */
    long heapBytes();

    /** Forgets these memories (erased); an id not held is ignored. */
    void removed(Collection<String> ids);

    /** Whether this memory's vector is held in the process. */
    boolean holds(String id);

    /**
     * The vectors of these memories by id (in embedded mode the held int8 ones, dequantized: cosines within ~2e-3 of
     * the exact ones); those not held are read from the graph within the caller's transaction. An id that names no
     * memory is absent from the answer.
     */
    Map<String, float[]> get(GraphStore.Tx tx, Collection<String> ids);

    /**
     * {@link #get(GraphStore.Tx, Collection)} for memories expected in {@code scope}: an implementation that holds
     * vectors scope by scope looks there first.
     */
    default Map<String, float[]> get(GraphStore.Tx tx, String scope, Collection<String> ids) {
        return get(tx, ids);
    }

    /**
     * The cosine of each of these memories' vectors to {@code query}, as {@link #get(GraphStore.Tx, String, Collection)}
     * finds them (in embedded mode within ~2e-3 of the exact ones); an id that names no memory is absent.
     */
    default Map<String, Double> cosines(GraphStore.Tx tx, String scope, Collection<String> ids, float[] query) {
        Map<String, Double> out = new HashMap<>();
        get(tx, scope, ids).forEach((id, v) -> out.put(id, Vectors.cosine(query, v)));
        return out;
    }

    /**
     * The at most {@code k} memories of the scope most similar to {@code vector}, best first, with exact cosines, among
     * those numbered below {@code beforeSeq} ({@link Long#MAX_VALUE}: all). Status and time are not looked at: the
     * caller filters.
     * The first query of a scope reads its vectors from the graph within the caller's transaction.
     *
     * @throws UnsupportedOperationException when not {@link #searchable()}
     */
    List<Hit> nearest(GraphStore.Tx tx, String scope, float[] vector, int k, long beforeSeq);

    /**
     * {@link #nearest(GraphStore.Tx, String, float[], int, long)} that also hands each exact vector it read from the
     * graph to {@code exactRead}, for a caller that compares some of them again (recall's redundancy step).
     */
    default List<Hit> nearest(GraphStore.Tx tx, String scope, float[] vector, int k, long beforeSeq,
                              BiConsumer<String, float[]> exactRead) {
        return nearest(tx, scope, vector, k, beforeSeq);
    }

    /**
     * {@link #nearest(GraphStore.Tx, String, float[], int, long, BiConsumer)} where only the {@code exactBest} best
     * are ranked by their exact vectors; the others keep the cosines of the held (int8) vectors, within ~2e-3 of the
     * exact ones. For a caller whose answer hangs on the order of its best few only (recall: fusion and the
     * redundancy step), which saves reading the others' vectors from the graph (~12-25 µs each).
     */
    default List<Hit> nearest(GraphStore.Tx tx, String scope, float[] vector, int k, int exactBest, long beforeSeq,
                              BiConsumer<String, float[]> exactRead) {
        return nearest(tx, scope, vector, k, beforeSeq, exactRead);
    }

    /**
     * For each of these vectors, the at most {@code k} memories of the scope numbered below {@code beforeSeq} nearest
     * to it by the held vectors, best first, no exact vector read (ranked as {@link #nearest(GraphStore.Tx, String,
     * float[], int, int, long, BiConsumer)} with {@code exactBest} 0 ranks them): for a caller that compares the
     * vectors itself, such as the agent for every new memory of a batch. Embedded mode answers them all with one pass
     * over the scope's codes.
     */
    default List<List<Hit>> nearestEach(GraphStore.Tx tx, String scope, List<float[]> vectors, int k, long beforeSeq) {
        List<List<Hit>> out = new ArrayList<>(vectors.size());
        for (float[] v : vectors) {
            out.add(nearest(tx, scope, v, k, 0, beforeSeq, (id, x) -> { }));
        }
        return out;
    }

    /**
     * Reads every scope's vectors ahead of its first search, the largest scope first, each in a read transaction of
     * its own; returns how many vectors it read. Nothing to do (0) when not {@link #searchable()}.
     */
    long preload(GraphStore store);

    /**
     * {@link #get} for implementations: {@code held} answers from the process (null when not held); the others are
     * read from the graph in one statement and each handed to {@code read} as well as returned.
     */
    static Map<String, float[]> get(GraphStore.Tx tx, Collection<String> ids, Function<String, float[]> held,
                                    BiConsumer<String, float[]> read) {
        Map<String, float[]> out = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            float[] v = held.apply(id);
            if (v != null) {
                out.put(id, v);
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            for (Map<String, Object> r : tx.run("memory/embeddings", Map.of("ids", missing))) {
                float[] v = Values.floats(r.get("embedding"));
                out.put((String) r.get("id"), v);
                read.accept((String) r.get("id"), v);
            }
        }
        return out;
    }
}
