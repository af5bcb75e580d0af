package io.mnemograph.memory;

import io.mnemograph.config.MnemographConfig;
import io.mnemograph.graph.GraphStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Embeddings of recent memories by id, so that the agent compares vectors in memory instead of reading them back from
 * the store: Neo4j decodes a 384-float property at a few microseconds a value, and the agent reads hundreds per batch.
 * A memory's embedding never changes after it is stored, so an entry is never stale; erasing a memory evicts it (no
 * trace of erased content may stay behind). Bounded, least recently used out first.
 */
@ApplicationScoped
public class EmbeddingCache {

    private final Map<String, float[]> entries;

    @Inject
    EmbeddingCache(MnemographConfig config) {
        this(config.agent().embeddingCache());
    }

    public EmbeddingCache(int capacity) {
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Records the embedding a memory was stored with (after its transaction committed). */
    public synchronized void put(String id, float[] embedding) {
        entries.put(id, embedding);
    }

    /** Whether this memory's embedding is held in memory. */
    public synchronized boolean holds(String id) {
        return entries.containsKey(id);
    }

    /** Forgets these memories' embeddings. */
    public synchronized void evict(Collection<String> ids) {
        ids.forEach(entries::remove);
    }

    /** The embeddings of these memories, read from the store (within the caller's transaction) when not cached. */
    public Map<String, float[]> get(GraphStore.Tx tx, Collection<String> ids) {
        Map<String, float[]> out = new HashMap<>();
        List<String> missing = new ArrayList<>();
        synchronized (this) {
            for (String id : ids) {
                float[] v = entries.get(id);
                if (v != null) {
                    out.put(id, v);
                } else {
                    missing.add(id);
                }
            }
        }
        if (!missing.isEmpty()) {
            for (Map<String, Object> r : tx.run("memory/embeddings", Map.of("ids", missing))) {
                float[] v = floats(r.get("embedding"));
                out.put((String) r.get("id"), v);
                put((String) r.get("id"), v);
            }
        }
        return out;
    }

    /** A stored vector as floats, whatever numeric array type the store handed back. */
    public static float[] floats(Object value) {
        if (value instanceof float[] f) {
            return f;
        }
        if (value instanceof double[] d) {
            float[] f = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                f[i] = (float) d[i];
            }
            return f;
        }
        if (value instanceof List<?> list) {
            float[] f = new float[list.size()];
            for (int i = 0; i < f.length; i++) {
                f[i] = ((Number) list.get(i)).floatValue();
            }
            return f;
        }
        throw new IllegalStateException("not a vector: " + (value == null ? "null" : value.getClass()));
    }
}
