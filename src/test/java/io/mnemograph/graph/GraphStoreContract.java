package io.mnemograph.graph;

import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every storage adapter must do, run against a real Neo4j by each adapter's test: migrations applied once,
 * statements that round-trip plain values, all-or-nothing transactions, uniqueness, and the search indexes.
 */
public abstract class GraphStoreContract {

    protected abstract GraphStore store();

    /** Graph work blocks: on a Vert.x event loop it would stall every request that loop serves, so it is refused. */
    @Test
    void refusesToRunOnAVertxEventLoopAndRunsOnAnyOtherThread() throws Exception {
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        try {
            java.util.concurrent.CompletableFuture<Throwable> failure = new java.util.concurrent.CompletableFuture<>();
            vertx.runOnContext(v -> {
                try {
                    store().query("health/ping", Map.of());
                    failure.complete(null);
                } catch (Throwable t) {
                    failure.complete(t);
                }
            });
            Throwable t = failure.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(t instanceof IllegalStateException && t.getMessage().contains("event-loop"), String.valueOf(t));
            java.util.concurrent.CompletableFuture<Object> worker = new java.util.concurrent.CompletableFuture<>();
            vertx.executeBlocking(() -> store().query("health/ping", Map.of()))
                    .onComplete(r -> worker.complete(r.succeeded() ? r.result() : r.cause()));
            assertTrue(worker.get(30, java.util.concurrent.TimeUnit.SECONDS) instanceof List<?>);
        } finally {
            vertx.close();
        }
    }

    static final float[] VECTOR = unit(384, 1);

    static float[] unit(int n, int hot) {
        float[] v = new float[n];
        v[hot] = 1f;
        return v;
    }

    public static Map<String, Object> memoryRow(String id, String scope, String content, String externalId) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", id);
        m.put("scope", scope);
        m.put("scopeKey", "s" + scope.hashCode());
        m.put("content", content);
        m.put("context", null);
        m.put("keywords", List.of("alpha", "beta"));
        m.put("tags", List.of("test"));
        m.put("keywordText", "alpha beta");
        m.put("sessionId", null);
        m.put("externalId", externalId);
        m.put("scopedExternalId", externalId == null ? null : scope + "|" + externalId);
        m.put("occurredAt", ZonedDateTime.of(2024, 5, 1, 10, 0, 0, 0, ZoneOffset.UTC));
        m.put("recordedAt", ZonedDateTime.of(2024, 5, 2, 10, 0, 0, 0, ZoneOffset.UTC));
        m.put("metadataKeys", List.of("k"));
        m.put("metadataValues", List.of("v"));
        m.put("status", "PENDING");
        m.put("strength", 1.0);
        m.put("embedding", VECTOR);
        return m;
    }

    String insert(GraphStore.Tx tx, String scope, String content, String externalId) {
        String id = UUID.randomUUID().toString();
        tx.run("memory/lock_scope", Map.of("scope", scope, "now", ZonedDateTime.now(ZoneOffset.UTC)));
        tx.run("memory/insert", Map.of("scope", scope, "rows", List.of(memoryRow(id, scope, content, externalId))));
        return id;
    }

    @Test
    void migrationsAreRecordedAndApplyOnlyOnce() {
        assertEquals(0, Migrations.apply(store(), Map.of("dimensions", "384")));
        List<Map<String, Object>> applied = store().query("migration/applied", Map.of());
        // a migration listed for another storage mode (or a server this one is not) is neither applied nor recorded
        assertEquals(Migrations.files().stream().filter(f -> Migrations.applies(Migrations.modes().get(f), store()))
                .count(), applied.size());
        // 5.26: the other mode's migration, and the one for servers that search vectors by scope
        assertEquals(2, Migrations.files().stream().filter(f -> !Migrations.applies(Migrations.modes().get(f),
                store())).count(), "two migrations are not this store's");
        assertEquals(1L, applied.get(0).get("version"));
    }

    @Test
    void statementsRoundTripPlainValues() {
        String scope = "c-" + UUID.randomUUID();
        String id = store().write(tx -> insert(tx, scope, "round trip", "e1"));
        Map<String, Object> m = castMap(store().query("memory/get", Map.of("ids", List.of(id))).get(0).get("memory"));
        assertEquals("round trip", m.get("content"));
        assertEquals(List.of("alpha", "beta"), m.get("keywords"));
        assertEquals(ZonedDateTime.of(2024, 5, 1, 10, 0, 0, 0, ZoneOffset.UTC).toInstant(),
                ((ZonedDateTime) m.get("occurredAt")).toInstant());
        assertEquals(1.0, m.get("strength"));
        assertEquals(0L, m.get("recallCount"));
        assertEquals(List.of(), m.get("supersedes"));
    }

    @Test
    void aFailingTransactionKeepsNothing() {
        String scope = "c-" + UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> store().write(tx -> {
            insert(tx, scope, "doomed", "e1");
            throw new IllegalStateException("boom");
        }));
        assertTrue(store().query("memory/find_by_external_id", Map.of("keys", List.of(scope + "|e1"))).isEmpty());
    }

    @Test
    void scopedExternalIdIsUnique() {
        String scope = "c-" + UUID.randomUUID();
        store().write(tx -> insert(tx, scope, "first", "dup"));
        assertThrows(RuntimeException.class, () -> store().write(tx -> insert(tx, scope, "second", "dup")));
        assertEquals(1, store().query("memory/find_by_external_id", Map.of("keys", List.of(scope + "|dup"))).size());
    }

    @Test
    void vectorAndFulltextIndexesFindAMemoryOfTheScope() throws InterruptedException {
        String scope = "c-" + UUID.randomUUID();
        Map<String, Object> row = memoryRow(UUID.randomUUID().toString(), scope, "zebra crossing", null);
        store().write(tx -> {
            tx.run("memory/lock_scope", Map.of("scope", scope, "now", ZonedDateTime.now(ZoneOffset.UTC)));
            return tx.run("memory/insert", Map.of("scope", scope, "rows", List.of(row)));
        });
        Map<String, Object> p = new HashMap<>();
        p.put("scope", scope);
        p.put("vector", VECTOR);
        p.put("k", 1000);
        p.put("limit", 10);
        p.put("at", ZonedDateTime.now(ZoneOffset.UTC));
        p.put("from", null);
        p.put("to", null);
        p.put("includeSuperseded", false);
        // Index updates become visible shortly after commit.
        List<Map<String, Object>> vector = List.of();
        List<Map<String, Object>> text = List.of();
        boolean server = store().mode().equals("server"); // embedded mode searches vectors in process, not in Neo4j
        for (int i = 0; i < 50 && (vector.isEmpty() || text.isEmpty()); i++) {
            vector = server ? store().query("recall/vector", p) : store().read(tx -> new InProcessVectorIndex()
                    .nearest(tx, scope, VECTOR, 10, Long.MAX_VALUE)).stream()
                    .map(h -> Map.<String, Object>of("id", h.id())).toList();
            Map<String, Object> q = new HashMap<>(p);
            q.put("terms", "zebra");
            q.put("scopeKey", row.get("scopeKey"));
            text = store().query("recall/fulltext", q);
            Thread.sleep(100);
        }
        assertEquals(row.get("id"), vector.get(0).get("id"));
        assertEquals(row.get("id"), text.get(0).get("id"));
        assertEquals(row.get("id"), store().query("recall/vector_scan", p).get(0).get("id"));
    }

    @Test
    void timeStatementsSupersedeOrderReinforceAndErase() {
        String scope = "c-" + UUID.randomUUID();
        String secret = "erase-me-" + UUID.randomUUID();
        String older = store().write(tx -> insert(tx, scope, "older fact", null));
        String newer = store().write(tx -> insert(tx, scope, "newer fact " + secret, null));
        ZonedDateTime validTo = ZonedDateTime.of(2024, 6, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        store().write(tx -> {
            Map<String, Object> p = new HashMap<>();
            p.put("oldId", older);
            p.put("newId", newer);
            p.put("reason", "update " + secret);
            p.put("by", "contract");
            p.put("now", validTo);
            p.put("validTo", validTo);
            tx.run("time/supersede", p);
            Map<String, Object> r = new HashMap<>();
            r.put("id", UUID.randomUUID().toString());
            r.put("at", validTo);
            r.put("agent", "contract");
            r.put("reason", "update " + secret);
            r.put("field", "validTo");
            r.put("before", null);
            r.put("after", validTo.toInstant().toString());
            r.put("cause", newer);
            return tx.run("time/revise", Map.of("id", older, "r", r));
        });
        Map<String, Object> m = castMap(store().query("memory/get", Map.of("ids", List.of(older))).get(0).get("memory"));
        assertEquals(newer, m.get("supersededBy"));
        assertEquals(validTo.toInstant(), ((ZonedDateTime) m.get("validTo")).toInstant());

        Map<String, Object> t = new HashMap<>();
        t.put("scope", scope);
        t.put("sessionId", null);
        t.put("from", null);
        t.put("to", null);
        t.put("limit", 10);
        assertEquals(List.of(older, newer), store().query("time/timeline", t).stream().map(r -> r.get("id")).toList());

        Map<String, Object> reinforce = new HashMap<>();
        reinforce.put("ids", List.of(older));
        reinforce.put("now", validTo);
        reinforce.put("growth", 0.5);
        reinforce.put("max", 10.0);
        store().update("time/reinforce", reinforce);
        Map<String, Object> c = store().query("time/candidates", Map.of("ids", List.of(older))).get(0);
        assertEquals(1.5, c.get("strength"));
        assertEquals(validTo.toInstant(), ((ZonedDateTime) c.get("lastRecalledAt")).toInstant());

        assertFalse(store().query("test/traces", Map.of("text", secret)).isEmpty());
        store().write(tx -> {
            assertEquals(older, tx.run("time/superseders", Map.of("id", newer)).get(0).get("id"));
            return tx.run("time/erase", Map.of("id", newer));
        });
        assertEquals(List.of(), store().query("test/traces", Map.of("text", secret)));
        assertTrue(store().query("memory/get", Map.of("ids", List.of(newer))).isEmpty());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }
}
