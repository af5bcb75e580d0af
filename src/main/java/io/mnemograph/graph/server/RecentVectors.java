package io.mnemograph.graph.server;

import io.mnemograph.graph.GraphStore;
import io.mnemograph.graph.MemoryVectors;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Server mode's vectors: the recent ones, so that the agent compares vectors in memory instead of reading them back
 * (Neo4j decodes a 384-float property at a few microseconds a value, and the agent reads hundreds per batch).
 * Bounded, least recently used out first; nearest-neighbour search is the graph's vector index's.
 */
public final class RecentVectors implements MemoryVectors {

    private final Map<String, float[]> entries;

    public RecentVectors(int capacity) {
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public boolean searchable() {
        return false;
    }

    @Override
    public synchronized void added(String scope, List<String> ids, List<Long> seqs, List<float[]> vectors) {
        for (int i = 0; i < ids.size(); i++) {
            entries.put(ids.get(i), vectors.get(i));
        }
    }

    @Override
    public synchronized long held() {
        return entries.size();
    }

    @Override
    public synchronized long heapBytes() {
        // each entry: its float[] (header + 4 bytes a number), the id string and the map's node
        return entries.values().stream().mapToLong(v -> 16L + 4L * v.length + 120L).sum();
    }

    @Override
    public synchronized void removed(Collection<String> ids) {
        ids.forEach(entries::remove);
    }

    @Override
    public synchronized boolean holds(String id) {
        return entries.containsKey(id);
    }

    @Override
    public Map<String, float[]> get(GraphStore.Tx tx, Collection<String> ids) {
        return MemoryVectors.get(tx, ids, this::held, this::keep);
    }

    private synchronized float[] held(String id) {
        return entries.get(id);
    }

    private synchronized void keep(String id, float[] vector) {
        entries.put(id, vector);
    }

    @Override
    public long preload(GraphStore store) {
        return 0;
    }

    @Override
    public List<Hit> nearest(GraphStore.Tx tx, String scope, float[] vector, int k, long beforeSeq) {
        throw new UnsupportedOperationException("server mode searches Neo4j's vector index");
    }
}
