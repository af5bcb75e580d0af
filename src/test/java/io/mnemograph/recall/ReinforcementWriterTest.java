package io.mnemograph.recall;

import io.mnemograph.graph.EmbeddedGraphStoreTest;
import io.mnemograph.graph.GraphStore;
import io.mnemograph.graph.GraphStoreContract;
import io.mnemograph.graph.Migrations;
import io.mnemograph.graph.embedded.EmbeddedGraphStore;
import io.mnemograph.graph.embedded.EmbeddedNeo4j;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recall's reinforcement leaves the read path without getting lost: queued reinforcement is seen by readers at once,
 * written when a memory is read, written in the background, kept after a failed write, and written at shutdown so
 * that a restarted database has it. Against a real embedded Neo4j.
 */
class ReinforcementWriterTest {

    private static final Instant T1 = Instant.parse("2024-07-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2024-07-02T10:00:00Z");

    @TempDir
    Path dir;
    EmbeddedNeo4j neo4j;
    GraphStore store;
    String a;
    String b;

    @BeforeEach
    void start() {
        open();
        Migrations.apply(store, Map.of("dimensions", "384"));
        a = UUID.randomUUID().toString();
        b = UUID.randomUUID().toString();
        store.write(tx -> {
            tx.run("memory/lock_scope", Map.of("scope", "w", "now", ZonedDateTime.now(ZoneOffset.UTC)));
            return tx.run("memory/insert", Map.of("scope", "w", "rows", List.of(
                    GraphStoreContract.memoryRow(a, "w", "the kiln is in the shed", null),
                    GraphStoreContract.memoryRow(b, "w", "the glaze is blue", null))));
        });
    }

    private void open() {
        neo4j = new EmbeddedNeo4j(dir, EmbeddedGraphStoreTest.neo4jConfig(false), false);
        store = new EmbeddedGraphStore(neo4j.database());
    }

    @AfterEach
    void stop() {
        neo4j.close();
    }

    @Test
    void queuedReinforcementIsSeenAtOnceAndWrittenWhenTheMemoryIsRead() {
        ReinforcementWriter writer = new ReinforcementWriter(store, 0.2, 10, Duration.ofHours(1), 1000);
        writer.add(List.of(a, b), T1);
        writer.add(List.of(a), T2);

        assertEquals(0L, stored(a).get("recallCount"), "queued, not written yet");
        Map<String, Object> seen = writer.reading(() -> writer.overlay(stored(a)));
        assertEquals(2L, seen.get("recallCount"));
        assertEquals(1.4, (Double) seen.get("strength"), 1e-9);
        assertEquals(T2, ((ZonedDateTime) seen.get("lastRecalledAt")).toInstant(), "the latest recall's moment");

        writer.flush(List.of(a)); // what the memory reader does before it reads
        assertEquals(0, writer.queued());
        Map<String, Object> written = stored(a);
        assertEquals(2L, written.get("recallCount"));
        assertEquals(1.4, (Double) written.get("strength"), 1e-9);
        assertEquals(T2, ((ZonedDateTime) written.get("lastRecalledAt")).toInstant());
        assertEquals(1L, stored(b).get("recallCount"), "the whole queue is written together");
        assertEquals(written, writer.reading(() -> writer.overlay(stored(a))), "nothing counted twice");
        writer.close();
    }

    @Test
    void strengthStopsAtTheMaximumAsOneWritePerRecallWould() {
        ReinforcementWriter writer = new ReinforcementWriter(store, 0.2, 1.5, Duration.ofHours(1), 1000);
        for (int i = 0; i < 4; i++) {
            writer.add(List.of(a), T1);
        }
        assertEquals(1.5, (Double) writer.reading(() -> writer.overlay(stored(a))).get("strength"), 1e-9);
        writer.flush();
        assertEquals(1.5, (Double) stored(a).get("strength"), 1e-9);
        assertEquals(4L, stored(a).get("recallCount"));
        writer.close();
    }

    @Test
    void theBackgroundWriterWritesWithinTheDelay() throws InterruptedException {
        ReinforcementWriter writer = new ReinforcementWriter(store, 0.2, 10, Duration.ofMillis(50), 1000);
        writer.add(List.of(a), T1);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (stored(a).get("recallCount").equals(0L) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(1L, stored(a).get("recallCount"));
        assertEquals(0, writer.queued());
        writer.close();
    }

    @Test
    void aReadWaitsForAFlushInProgressInsteadOfMissingIt() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GraphStore slow = waiting(writing, release);
        assertEquals(0L, stored(a).get("recallCount")); // and the read below is planned already
        ReinforcementWriter writer = new ReinforcementWriter(slow, 0.2, 10, Duration.ofMillis(10), 1000);
        writer.add(List.of(a), T1);
        assertTrue(writing.await(10, TimeUnit.SECONDS), "the background writer took the queue");
        assertEquals(1, writer.queued(), "queued until its write commits");
        // a recall meanwhile neither waits for the write nor misses what it writes
        CompletableFuture<Object> recall = CompletableFuture.supplyAsync(
                () -> writer.reading(() -> writer.overlay(stored(a)).get("recallCount")));
        assertEquals(1L, recall.get(5, TimeUnit.SECONDS));
        CompletableFuture<Object> read = CompletableFuture.supplyAsync(() -> {
            writer.flush(List.of(a)); // what the memory reader does before it reads
            return stored(a).get("recallCount");
        });
        Thread.sleep(500);
        assertFalse(read.isDone(), "the read did not wait for the write in progress");
        release.countDown();
        assertEquals(1L, read.get(10, TimeUnit.SECONDS));
        assertEquals(0, writer.queued());
        assertEquals(1L, writer.reading(() -> writer.overlay(stored(a))).get("recallCount"), "written once, not twice");
        writer.close();
    }

    @Test
    void aRecallDuringAWriteIsCountedOnceThroughEveryCommit() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GraphStore slow = waiting(writing, release);
        ReinforcementWriter writer = new ReinforcementWriter(slow, 0.2, 10, Duration.ofMillis(5), 1000);
        writer.add(List.of(a), T1);
        assertTrue(writing.await(10, TimeUnit.SECONDS), "the background writer took the queue");
        writer.add(List.of(a), T2); // returned again while the first recall's use is being written
        release.countDown();
        // the background writer commits the first use, then the second: graph and queue together say 2 throughout
        for (int i = 0; i < 40; i++) {
            assertEquals(2L, writer.reading(() -> writer.overlay(stored(a))).get("recallCount"), "at check " + i);
            Thread.sleep(5);
        }
        writer.flush();
        assertEquals(0, writer.queued());
        assertEquals(2L, stored(a).get("recallCount"));
        assertEquals(T2, ((ZonedDateTime) stored(a).get("lastRecalledAt")).toInstant());
        writer.close();
    }

    /** The test store, but each write first says it began ({@code writing}) and waits for {@code release}. */
    private GraphStore waiting(CountDownLatch writing, CountDownLatch release) {
        return new Delegate(store) {
            @Override
            public <T> T write(Function<Tx, T> work) {
                writing.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return store.write(work);
            }
        };
    }

    /** A store that passes everything to another (tests override what they make fail or wait). */
    private static class Delegate implements GraphStore {
        final GraphStore store;

        Delegate(GraphStore store) {
            this.store = store;
        }

        public <T> T write(Function<Tx, T> work) {
            return store.write(work);
        }

        public <T> T read(Function<Tx, T> work) {
            return store.read(work);
        }

        public void schema(String cypher) {
            store.schema(cypher);
        }

        public String mode() {
            return store.mode();
        }
    }

    @Test
    void aFailedWriteStaysQueuedAndIsWrittenByTheNextFlush() {
        boolean[] down = {true};
        GraphStore flaky = new GraphStore() {
            public <T> T write(Function<Tx, T> work) {
                if (down[0]) {
                    throw new IllegalStateException("database unavailable");
                }
                return store.write(work);
            }

            public <T> T read(Function<Tx, T> work) {
                return store.read(work);
            }

            public void schema(String cypher) {
                store.schema(cypher);
            }

            public String mode() {
                return store.mode();
            }
        };
        ReinforcementWriter writer = new ReinforcementWriter(flaky, 0.2, 10, Duration.ofHours(1), 1000);
        writer.add(List.of(a), T1);
        assertThrows(IllegalStateException.class, writer::flush);
        writer.add(List.of(a), T2);
        assertEquals(2L, writer.reading(() -> writer.overlay(stored(a))).get("recallCount"), "kept, and added to");
        down[0] = false;
        writer.flush();
        assertEquals(2L, stored(a).get("recallCount"));
        assertEquals(T2, ((ZonedDateTime) stored(a).get("lastRecalledAt")).toInstant());
        writer.close();
    }

    @Test
    void shutdownWritesWhatIsQueuedSoARestartedDatabaseHasIt() {
        ReinforcementWriter writer = new ReinforcementWriter(store, 0.2, 10, Duration.ofHours(1), 1000);
        writer.add(List.of(a, b), T1);
        writer.add(List.of(b), T2);
        assertEquals(0L, stored(b).get("recallCount"));
        writer.close(); // what the ShutdownEvent observer does
        writer.add(List.of(a), T2); // a recall finishing while the application stops: written at once
        neo4j.close();

        open();
        assertEquals(2L, stored(a).get("recallCount"));
        assertEquals(2L, stored(b).get("recallCount"));
        assertEquals(T2, ((ZonedDateTime) stored(b).get("lastRecalledAt")).toInstant());
        assertEquals(1.4, (Double) stored(b).get("strength"), 1e-9);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> stored(String id) {
        return (Map<String, Object>) store.query("memory/get", Map.of("ids", List.of(id))).get(0).get("memory");
    }
}
