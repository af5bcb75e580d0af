package io.mnemograph.graph;

import io.mnemograph.embedding.Vectors;


import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Embedded mode's vectors: every memory's, scope by scope, read from the graph at a scope's first search (or ahead
 * of it, {@link #preload}) and kept current by the write path (added after each commit, removed after an erase). It sees what Mnemograph writes: memories
 * created by hand through Cypher (Neo4j Browser, cypher-shell) are found by search after the next start.
 *
 * <p>Why a scope's vectors are read lazily and under its write lock: an {@link #added} for a scope not read yet is
 * dropped, because the commit it follows is already visible to the read that will come; an {@link #added} during the
 * read waits for it and then finds the memory there already.
 */
public final class InProcessVectorIndex implements MemoryVectors {

    private final Map<String, Shelf> scopes = new ConcurrentHashMap<>();

    private static final class Shelf {
        final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        final ScopeVectors vectors;
        volatile boolean loaded;

        Shelf() {
            vectors = new ScopeVectors();
        }
    }

    @Override
    public boolean searchable() {
        return true;
    }

    @Override
    public void added(String scope, List<String> ids, List<Long> seqs, List<float[]> vectors) {
        Shelf shelf = scopes.get(scope);
        if (shelf == null) {
            return;
        }
        shelf.lock.writeLock().lock();
        try {
            if (!shelf.loaded) {
                return;
            }
            for (int i = 0; i < ids.size(); i++) {
                shelf.vectors.add(ids.get(i), seqs.get(i), vectors.get(i));
            }
        } finally {
            shelf.lock.writeLock().unlock();
        }
    }

    /**
     * Every shelf is visited: a scope being read right now may not have listed the memory yet, and its write lock
     * makes this wait until it has (erases are rare).
     */
    @Override
    public void removed(Collection<String> ids) {
        for (Shelf shelf : scopes.values()) {
            shelf.lock.writeLock().lock();
            try {
                ids.forEach(shelf.vectors::remove);
            } finally {
                shelf.lock.writeLock().unlock();
            }
        }
    }

    @Override
    public long held() {
        return sum(ScopeVectors::size);
    }

    @Override
    public long heapBytes() {
        return sum(ScopeVectors::heapBytes);
    }

    private long sum(java.util.function.ToLongFunction<ScopeVectors> f) {
        long total = 0;
        for (Shelf shelf : scopes.values()) {
            shelf.lock.readLock().lock();
            try {
                total += f.applyAsLong(shelf.vectors);
            } finally {
                shelf.lock.readLock().unlock();
            }
        }
        return total;
    }

    @Override
    public boolean holds(String id) {
        for (Shelf shelf : scopes.values()) {
            shelf.lock.readLock().lock();
            try {
                if (shelf.vectors.holds(id)) {
                    return true;
                }
            } finally {
                shelf.lock.readLock().unlock();
            }
        }
        return false;
    }

    /**
     * The held vectors are int8 ones, dequantized (their cosines are within ~2e-3 of the exact ones): reading exact
     * vectors from the graph costs tens of µs each (Neo4j decodes a float array slowly), too much for the hundreds
     * that recall's features and expansion and the agent's comparisons need. Vectors not held are read from the graph.
     */
    @Override
    public Map<String, float[]> get(GraphStore.Tx tx, Collection<String> ids) {
        return get(tx, null, ids);
    }

    /** Looks in {@code scope}'s vectors first, then in the other scopes' for what is still missing. */
    @Override
    public Map<String, float[]> get(GraphStore.Tx tx, String scope, Collection<String> ids) {
        Map<String, float[]> held = new HashMap<>();
        Set<String> missing = new HashSet<>(ids);
        Shelf first = scope == null ? null : scopes.get(scope);
        if (first != null) {
            collect(first, missing, held);
        }
        for (Shelf shelf : scopes.values()) {
            if (missing.isEmpty()) {
                break;
            }
            if (shelf != first) {
                collect(shelf, missing, held);
            }
        }
        // a vector read from the graph is not kept: a hard forget committing meanwhile could not take it back out
        return MemoryVectors.get(tx, ids, held::get, (id, v) -> { });
    }

    /**
     * The int8 vectors' cosines computed as the search does (a fixed-point query against the bytes held, no vector
     * dequantized: issue 15, recall asks this for every candidate), scope first; those not held from the graph.
     */
    @Override
    public Map<String, Double> cosines(GraphStore.Tx tx, String scope, Collection<String> ids, float[] query) {
        Map<String, Double> out = new HashMap<>();
        Set<String> missing = new HashSet<>(ids);
        Shelf first = scope == null ? null : scopes.get(scope);
        if (first != null) {
            cosines(first, query, missing, out);
        }
        for (Shelf shelf : scopes.values()) {
            if (missing.isEmpty()) {
                break;
            }
            if (shelf != first) {
                cosines(shelf, query, missing, out);
            }
        }
        if (!missing.isEmpty()) {
            MemoryVectors.get(tx, missing, id -> null, (id, v) -> { })
                    .forEach((id, v) -> out.put(id, Vectors.cosine(query, v)));
        }
        return out;
    }

    private static void cosines(Shelf shelf, float[] query, Set<String> missing, Map<String, Double> into) {
        shelf.lock.readLock().lock();
        try {
            shelf.vectors.cosines(query, missing, into);
        } finally {
            shelf.lock.readLock().unlock();
        }
        missing.removeAll(into.keySet());
    }

    private static void collect(Shelf shelf, Set<String> missing, Map<String, float[]> into) {
        shelf.lock.readLock().lock();
        try {
            for (var it = missing.iterator(); it.hasNext(); ) {
                String id = it.next();
                float[] v = shelf.vectors.vector(id);
                if (v != null) {
                    into.put(id, v);
                    it.remove();
                }
            }
        } finally {
            shelf.lock.readLock().unlock();
        }
    }

    /**
     * The int8 shortlist under the scope's read lock, then its exact ranking by the vectors read from the graph in the
     * caller's transaction (outside the lock: that read is most of the cost, ~10 µs a memory).
     */
    @Override
    public List<Hit> nearest(GraphStore.Tx tx, String scope, float[] vector, int k, long beforeSeq) {
        return nearest(tx, scope, vector, k, beforeSeq, (id, v) -> { });
    }

    @Override
    public List<Hit> nearest(GraphStore.Tx tx, String scope, float[] vector, int k, long beforeSeq,
                             BiConsumer<String, float[]> exactRead) {
        return nearest(tx, scope, vector, k, k, beforeSeq, exactRead);
    }

    @Override
    public List<Hit> nearest(GraphStore.Tx tx, String scope, float[] vector, int k, int exactBest, long beforeSeq,
                             BiConsumer<String, float[]> exactRead) {
        Shelf shelf = shelf(tx, scope);
        List<Hit> shortlist;
        shelf.lock.readLock().lock();
        try {
            // the codes keep as many as the exactly ranked best need (issue 15: the int8 pass is most of the search)
            int exactly = ScopeVectors.shortlistSize(Math.min(k, exactBest));
            shortlist = shelf.vectors.shortlist(vector, ScopeVectors.shortlistSize(k),
                    Math.max(exactly * ScopeVectors.RERANK_FACTOR / ScopeVectors.SHORTLIST_FACTOR,
                            ScopeVectors.MIN_RERANK), beforeSeq);
        } finally {
            shelf.lock.readLock().unlock();
        }
        return ScopeVectors.rerank(vector, shortlist, k, exactBest,
                ids -> MemoryVectors.get(tx, ids, id -> null, exactRead));
    }

    @Override
    public List<List<Hit>> nearestEach(GraphStore.Tx tx, String scope, List<float[]> vectors, int k, long beforeSeq) {
        Shelf shelf = shelf(tx, scope);
        List<List<Hit>> shortlists;
        shelf.lock.readLock().lock();
        try {
            // the keep of nearest with exactBest 0, for all the vectors in one pass over the codes
            shortlists = shelf.vectors.shortlists(vectors, ScopeVectors.shortlistSize(k),
                    Math.max(ScopeVectors.shortlistSize(0) * ScopeVectors.RERANK_FACTOR
                            / ScopeVectors.SHORTLIST_FACTOR, ScopeVectors.MIN_RERANK), beforeSeq);
        } finally {
            shelf.lock.readLock().unlock();
        }
        List<List<Hit>> out = new ArrayList<>(shortlists.size());
        for (List<Hit> shortlist : shortlists) {
            out.add(shortlist.size() > k ? new ArrayList<>(shortlist.subList(0, k)) : shortlist);
        }
        return out;
    }

    @Override
    public long preload(GraphStore store) {
        long read = 0;
        for (Map<String, Object> r : store.query("memory/scopes", Map.of())) {
            String scope = (String) r.get("name");
            read += store.read(tx -> shelf(tx, scope).vectors.size());
        }
        return read;
    }

    /** The scope's vectors, read from the graph first if they were not yet. */
    private Shelf shelf(GraphStore.Tx tx, String scope) {
        Shelf shelf = scopes.computeIfAbsent(scope, s -> new Shelf());
        if (!shelf.loaded) {
            load(tx, scope, shelf);
        }
        return shelf;
    }

    private void load(GraphStore.Tx tx, String scope, Shelf shelf) {
        shelf.lock.writeLock().lock();
        try {
            if (shelf.loaded) {
                return;
            }
            // row by row: a million rows held as one list would take ~1.6 GB (the server runs 1M in -Xmx2g)
            tx.forEach("memory/scope_vectors", Map.of("scope", scope), r -> shelf.vectors.add((String) r.get("id"),
                    ((Number) r.get("seq")).longValue(), Values.floats(r.get("embedding"))));
            shelf.loaded = true;
        } finally {
            shelf.lock.writeLock().unlock();
        }
    }

    /** How many vectors this scope holds now (0 before its first search). */
    public int size(String scope) {
        Shelf shelf = scopes.get(scope);
        if (shelf == null) {
            return 0;
        }
        shelf.lock.readLock().lock();
        try {
            return shelf.vectors.size();
        } finally {
            shelf.lock.readLock().unlock();
        }
    }

    /** Forgets what is held of every scope, to be read again at the next search (after writes by hand, in benchmarks). */
    public void reset() {
        scopes.clear();
    }
}
