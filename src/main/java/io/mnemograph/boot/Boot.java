package io.mnemograph.boot;

import io.mnemograph.agent.HeuristicAgent;
import io.mnemograph.embedding.Embedder;
import io.mnemograph.graph.GraphStore;
import io.mnemograph.graph.MemoryVectors;
import io.mnemograph.graph.Migrations;
import io.mnemograph.recall.RecallService;
import io.mnemograph.remember.Evolver;
import io.mnemograph.remember.MentionBackfill;
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
               RecallService recall, RememberService remember, HeuristicAgent heuristic, MemoryVectors vectors,
               MentionBackfill mentions) {
        try {
            long t0 = System.nanoTime();
            heuristic.warmUp();
            int applied = Migrations.apply(store, Map.of("dimensions", Integer.toString(embedder.dimension())));
            int resumed = evolver.resumePending();
            int backfilled = mentions.run();
            remember.warmUp();
            recall.warmUp();
            ready = true;
            LOG.infof("Mnemograph ready (%s storage, %s embeddings, %d migrations applied, %d pending memories resumed, "
                    + "%d memories' event times read) in %d ms", store.mode(), embedder.name(), applied, resumed,
                    backfilled, (System.nanoTime() - t0) / 1_000_000);
            preload(store, vectors);
        } catch (RuntimeException e) {
            failure = e.getMessage();
            throw e;
        }
    }

    /**
     * Embedded mode: reads the scopes' vectors in the background, so that the first recall of a large scope does not
     * wait for them (~1-2 s at 100k memories). Not part of readiness: a search meanwhile reads its scope itself.
     */
    private static void preload(GraphStore store, MemoryVectors vectors) {
        if (!vectors.searchable()) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                long t0 = System.nanoTime();
                long read = vectors.preload(store);
                LOG.infof("Vectors of %d memories read for search in %d ms", read, (System.nanoTime() - t0) / 1_000_000);
            } catch (RuntimeException e) { // shutting down meanwhile, most likely: the first search reads its scope
                LOG.debugf(e, "Reading the vectors ahead stopped");
            }
        }, "mnemograph-vector-preload");
        t.setDaemon(true);
        t.start();
    }

    public boolean ready() {
        return ready;
    }

    public String failure() {
        return failure;
    }
}
