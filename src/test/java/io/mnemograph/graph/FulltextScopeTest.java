package io.mnemograph.graph;

import io.mnemograph.graph.embedded.EmbeddedGraphStore;
import io.mnemograph.graph.embedded.EmbeddedNeo4j;
import io.mnemograph.remember.RememberService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * recall/fulltext leaves the scope filter out of the Lucene query when the scope is all but a thousandth of the store
 * (faster top-k search): the same hits and scores either way, and never a memory of another scope.
 */
class FulltextScopeTest {

    @TempDir
    static Path dir;
    static EmbeddedNeo4j neo4j;
    static GraphStore store;

    @BeforeAll
    static void start() {
        neo4j = EmbeddedGraphStoreTest.startMigrated(dir);
        store = new EmbeddedGraphStore(neo4j.database());
    }

    @AfterAll
    static void stop() {
        neo4j.close();
    }

    @Test
    void aScopeThatIsTheWholeStoreFindsTheSameAsAScopeAmongOthers() throws InterruptedException {
        List<String> big = new ArrayList<>();
        for (int i = 0; i < 1999; i++) {
            big.add("note " + i + " about the weather and the garden");
        }
        big.add("we saw a zebra crossing the road");
        String zebraOfBig = insert("big", big).get(1999);
        String zebraOfSmall = insert("small", List.of("zebra stripes on my new shirt")).get(0);

        // 2,000 in the scope, 1 other: the filter is left out of the Lucene query
        List<Map<String, Object>> whole = fulltext("big", "zebra crossing", 1);
        assertEquals(List.of(zebraOfBig), ids(whole));
        assertEquals(List.of(zebraOfSmall), ids(fulltext("small", "zebra", 1)), "the small scope keeps its filter");

        insert("small", List.of("a quiet evening at home"));
        // now 2 others: 2,000 < 1,000 × 3, the filter is back
        List<Map<String, Object>> filtered = fulltext("big", "zebra crossing", 1);
        assertEquals(List.of(zebraOfBig), ids(filtered));
        double a = ((Number) whole.get(0).get("score")).doubleValue();
        double b = ((Number) filtered.get(0).get("score")).doubleValue();
        assertEquals(b, a, 0.002, "the filter adds (almost) nothing to the score of a memory of so large a scope");
    }

    private static List<String> insert(String scope, List<String> contents) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String c : contents) {
            Map<String, Object> row = GraphStoreContract.memoryRow(UUID.randomUUID().toString(), scope, c, null);
            row.put("scopeKey", RememberService.scopeKey(scope));
            rows.add(row);
        }
        store.write(tx -> {
            tx.run("memory/lock_scope", Map.of("scope", scope, "now", ZonedDateTime.now(ZoneOffset.UTC)));
            return tx.run("memory/insert", Map.of("scope", scope, "rows", rows));
        });
        return rows.stream().map(r -> (String) r.get("id")).toList();
    }

    /** The scope's hits, waiting for the index to show what was committed (its updates land shortly after). */
    private static List<Map<String, Object>> fulltext(String scope, String terms, int expected)
            throws InterruptedException {
        Map<String, Object> p = new HashMap<>();
        p.put("scope", scope);
        p.put("scopeKey", RememberService.scopeKey(scope));
        p.put("terms", terms);
        p.put("k", 100);
        p.put("limit", 100);
        p.put("at", ZonedDateTime.now(ZoneOffset.UTC));
        p.put("from", null);
        p.put("to", null);
        p.put("includeSuperseded", false);
        List<Map<String, Object>> hits = List.of();
        for (int i = 0; i < 100 && hits.size() < expected; i++) {
            hits = store.query("recall/fulltext", p);
            Thread.sleep(50);
        }
        return hits;
    }

    private static List<String> ids(List<Map<String, Object>> hits) {
        return hits.stream().map(h -> (String) h.get("id")).toList();
    }
}
