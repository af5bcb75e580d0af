package io.mnemograph.remember;

import io.mnemograph.graph.DeferredWrites;
import io.mnemograph.graph.GraphStore;
import io.mnemograph.memory.Memory;
import io.mnemograph.memory.MemoryRows;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads stored memories by id. */
@ApplicationScoped
public class MemoryReader {

    private final GraphStore store;
    private final DeferredWrites deferred;

    MemoryReader(GraphStore store, DeferredWrites deferred) {
        this.store = store;
        this.deferred = deferred;
    }

    public Optional<Memory> get(String id) {
        List<Memory> found = getAll(List.of(id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * The memories with these ids, in the order asked; ids that name nothing are left out. Writes queued for them
     * (recall's reinforcement) are written first, so they show.
     */
    public List<Memory> getAll(List<String> ids) {
        deferred.flush(ids);
        return store.read(tx -> getAll(tx, ids));
    }

    /** Reads in a transaction of its own: what the caller's earlier transactions committed. */
    static List<Memory> getAllFresh(GraphStore store, List<String> ids) {
        return store.read(tx -> getAll(tx, ids));
    }

    @SuppressWarnings("unchecked")
    static List<Memory> getAll(GraphStore.Tx tx, List<String> ids) {
        Map<String, Memory> byId = new HashMap<>();
        for (Map<String, Object> row : tx.run("memory/get", Map.of("ids", ids))) {
            Memory m = MemoryRows.memory((Map<String, Object>) row.get("memory"));
            byId.put(m.id(), m);
        }
        return ids.stream().map(byId::get).filter(m -> m != null).toList();
    }
}
