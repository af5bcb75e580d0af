package io.mnemograph.remember;

import io.mnemograph.graph.GraphStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;

/**
 * Runs the agent over newly stored memories, one transaction per memory, in arrival order. A memory whose processing
 * fails stays PENDING and is processed again at the next start.
 */
@ApplicationScoped
public class Evolver {

    private static final Logger LOG = Logger.getLogger(Evolver.class);
    private final GraphStore store;

    Evolver(GraphStore store) {
        this.store = store;
    }

    /** Processes these memories in order; failures are logged and leave the memory PENDING. */
    public void process(List<String> ids) {
        for (String id : ids) {
            try {
                store.write(tx -> tx.run("memory/mark_ready", Map.of("id", id)));
            } catch (RuntimeException e) {
                LOG.warnf(e, "Memory %s stays pending: processing failed", id);
            }
        }
    }

    /** Processes every memory left PENDING by an earlier run; returns how many were found. */
    public int resumePending() {
        int total = 0;
        while (true) {
            List<String> ids = store.query("memory/pending", Map.of("limit", 500)).stream()
                    .map(r -> (String) r.get("id")).toList();
            if (ids.isEmpty()) {
                return total;
            }
            process(ids);
            total += ids.size();
            if (total > 10_000_000) {
                return total;
            }
        }
    }
}
