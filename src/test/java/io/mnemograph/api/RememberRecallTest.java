package io.mnemograph.api;

import io.mnemograph.graph.InProcessVectorIndex;
import io.mnemograph.graph.MemoryVectors;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.mnemograph.api.GraphQL.error;
import static io.mnemograph.api.GraphQL.freshScope;
import static io.mnemograph.api.GraphQL.ok;
import static io.mnemograph.api.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The core contract through HTTP: remember, rememberAll, recall, memory. */
@QuarkusTest
class RememberRecallTest {

    static final String REMEMBER = """
            mutation($i: MemoryInput!) { remember(input: $i) {
              id scope content externalId sessionId occurredAt recordedAt keywords tags metadata { key value } } }""";
    static final String REMEMBER_ALL = "mutation($b: [MemoryInput!]!) { rememberAll(inputs: $b) { id content externalId } }";
    static final String RECALL = """
            query($q: String!, $s: String, $l: Int) { recall(query: $q, scope: $s, limit: $l) {
              score reasons memory { id content scope } } }""";

    static final String VECTOR_RECALL = """
            query($q: String!, $s: String) { recall(query: $q, scope: $s, limit: 5, strategy: VECTOR) {
              memory { id } } }""";

    @Inject
    MemoryVectors vectors;

    static Map<String, Object> remember(Map<String, Object> input) {
        return ok(REMEMBER, vars("i", input)).getMap("data.remember");
    }

    static List<Map<String, Object>> recall(String q, String scope, int limit) {
        return ok(RECALL, vars("q", q, "s", scope, "l", limit)).getList("data.recall");
    }

    @Test
    void rememberedMemoryIsRecalledFirstWithScoreAndReasons() {
        String scope = freshScope("cats");
        Map<String, Object> cat = remember(vars("content", "Alice adopted a grey cat named Turing in March.",
                "scope", scope, "sessionId", "s1", "externalId", "t1", "occurredAt", "2024-03-02T10:00:00Z",
                "metadata", List.of(vars("key", "source", "value", "chat"))));
        remember(vars("content", "Bob repaired his bicycle chain before the race.", "scope", scope));

        assertEquals(scope, cat.get("scope"));
        assertEquals("2024-03-02T10:00:00Z", cat.get("occurredAt"));
        assertEquals(List.of(Map.of("key", "source", "value", "chat")), cat.get("metadata"));

        List<Map<String, Object>> found = recall("What is the name of Alice's cat?", scope, 10);
        assertEquals(2, found.size());
        Map<String, Object> first = found.get(0);
        assertEquals(cat.get("id"), ((Map<?, ?>) first.get("memory")).get("id"));
        assertTrue(((Number) first.get("score")).doubleValue() > ((Number) found.get(1).get("score")).doubleValue());
        assertFalse(((List<?>) first.get("reasons")).isEmpty());
    }

    @Test
    void aProcessThatHoldsNoVectorsYetFindsWhatAnEarlierOneStored() {
        String scope = freshScope("cold");
        Map<String, Object> cat = remember(vars("content", "Alice adopted a grey cat named Turing in March.",
                "scope", scope));
        remember(vars("content", "Bob repaired his bicycle chain before the race.", "scope", scope));
        // as after a restart: embedded mode reads the scope's vectors from the graph again at its next search
        if (vectors instanceof InProcessVectorIndex index) {
            index.reset();
        }
        assertFalse(vectors.holds((String) cat.get("id")));
        List<Map<String, Object>> found = ok(VECTOR_RECALL, vars("q", "a pet kitten", "s", scope))
                .getList("data.recall");
        assertEquals(cat.get("id"), ((Map<?, ?>) found.get(0).get("memory")).get("id"));
        assertTrue(vectors.holds((String) cat.get("id")));
    }

    @Test
    void occurredAtDefaultsToTheTimeOfRecording() {
        Map<String, Object> m = remember(vars("content", "The kettle is broken.", "scope", freshScope("d")));
        assertEquals(m.get("recordedAt"), m.get("occurredAt"));
    }

    @Test
    void scopeDefaultsToDefault() {
        Map<String, Object> m = remember(vars("content", "A memory with no scope given."));
        assertEquals("default", m.get("scope"));
    }

    @Test
    void rememberingTheSameExternalIdAgainReturnsTheStoredMemory() {
        String scope = freshScope("retry");
        Map<String, Object> first = remember(vars("content", "Original text.", "scope", scope, "externalId", "x1"));
        Map<String, Object> again = remember(vars("content", "Changed text.", "scope", scope, "externalId", "x1"));
        assertEquals(first.get("id"), again.get("id"));
        assertEquals("Original text.", again.get("content"));
        assertEquals(1, recall("text", scope, 10).size());
        // the same externalId in another scope is another memory
        Map<String, Object> other = remember(vars("content", "Original text.", "scope", scope + "-b", "externalId", "x1"));
        assertNotEquals(first.get("id"), other.get("id"));
    }

    @Test
    void recallNeverReturnsAnotherScope() {
        String a = freshScope("a");
        String b = freshScope("b");
        remember(vars("content", "Alice's cat Turing sleeps on the keyboard.", "scope", a));
        remember(vars("content", "Alice's cat Turing likes tuna.", "scope", b));
        for (Map<String, Object> r : recall("Alice's cat Turing", a, 50)) {
            assertEquals(a, ((Map<?, ?>) r.get("memory")).get("scope"));
        }
        assertTrue(recall("cat", freshScope("empty"), 10).isEmpty());
    }

    @Test
    void rememberAllStoresInInputOrder() {
        String scope = freshScope("batch");
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(vars("content", "Batch note number " + i, "scope", scope, "externalId", "b" + i));
        }
        batch.add(vars("content", "Duplicate of the first", "scope", scope, "externalId", "b0"));
        List<Map<String, Object>> stored = ok(REMEMBER_ALL, vars("b", batch)).getList("data.rememberAll");
        assertEquals(6, stored.size());
        for (int i = 0; i < 5; i++) {
            assertEquals("Batch note number " + i, stored.get(i).get("content"));
        }
        assertEquals(stored.get(0).get("id"), stored.get(5).get("id"));
        assertEquals(5, recall("batch note", scope, 100).size());
    }

    @Test
    void aBatchWithOneBadItemStoresNothing() {
        String scope = freshScope("bad-batch");
        List<Map<String, Object>> batch = List.of(vars("content", "fine one", "scope", scope),
                vars("content", "fine two", "scope", scope), vars("content", "  ", "scope", scope));
        String message = error(REMEMBER_ALL, vars("b", batch));
        assertTrue(message.contains("inputs[2]") && message.contains("empty"), message);
        assertTrue(recall("fine", scope, 10).isEmpty());
    }

    @Test
    void badInputGetsAClearErrorAndStoresNothing() {
        String scope = freshScope("bad");
        assertTrue(error(REMEMBER, vars("i", vars("content", "", "scope", scope))).contains("content is empty"));
        assertTrue(error(REMEMBER, vars("i", vars("content", "x".repeat(40_000), "scope", scope)))
                .contains("over the limit"));
        assertTrue(error(REMEMBER, vars("i", vars("content", "ok", "scope", "bad scope!"))).contains("scope"));
        String date = error(REMEMBER, vars("i", vars("content", "ok", "scope", scope, "occurredAt", "yesterday-ish")));
        assertTrue(date.toLowerCase().contains("occurredat") || date.toLowerCase().contains("datetime"), date);
        assertTrue(error(RECALL, vars("q", "cat", "s", scope, "l", 100_000)).contains("limit"));
        assertTrue(error(RECALL, vars("q", "cat", "s", scope, "l", 0)).contains("limit"));
        assertTrue(error(RECALL, vars("q", " ", "s", scope, "l", 5)).contains("query is empty"));
        assertTrue(recall("ok", scope, 10).isEmpty());
    }

    @Test
    void memoryByIdAndUnknownId() {
        Map<String, Object> m = remember(vars("content", "Find me by id.", "scope", freshScope("id")));
        JsonPath one = ok("query($id: ID!) { memory(id: $id) { id content } }", vars("id", m.get("id")));
        assertEquals("Find me by id.", one.getString("data.memory.content"));
        assertNull(ok("query($id: ID!) { memory(id: $id) { id } }", vars("id", "no-such-id")).get("data.memory"));
    }
}
