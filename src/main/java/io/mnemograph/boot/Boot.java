package io.mnemograph.boot;

import io.mnemograph.agent.HeuristicAgent;
import io.mnemograph.embedding.Embedder;
import io.mnemograph.graph.GraphStore;
import io.mnemograph.graph.Migrations;
import io.mnemograph.recall.RecallService;
import io.mnemograph.remember.Evolver;
import io.mnemograph.remember.RememberService;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.Map;

/**
 * Brings the parts up in order at start: Neo4j, the embedding model, the schema migrations, the memories an earlier
 * run left pending, and a warm-up of the write and recall statements. Readiness reports UP only after all of it.
 */
@Singleton
public class Boot {

    private static final Logger LOG = Logger.getLogger(Boot.class);
    private volatile boolean ready;
    private volatile String failure;

    void start(@Observes StartupEvent event, GraphStore store, Embedder embedder, Evolver evolver,
               RecallService recall, RememberService remember, HeuristicAgent heuristic) {
        try {
            long t0 = System.nanoTime();
            heuristic.warmUp();
            int applied = Migrations.apply(store, Map.of("dimensions", Integer.toString(embedder.dimension())));
            int resumed = evolver.resumePending();
            remember.warmUp();
            recall.warmUp();
            ready = true;
            LOG.infof("Mnemograph ready (%s storage, %s embeddings, %d migrations applied, %d pending memories resumed) in %d ms",
                    store.mode(), embedder.name(), applied, resumed, (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            failure = e.getMessage();
            throw e;
        }
    }

    public boolean ready() {
        return ready;
    }

    public String failure() {
        return failure;
    }
}
