package io.mnemograph.api;

import io.mnemograph.graph.GraphStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.mnemograph.api.GraphQL.freshScope;
import static io.mnemograph.api.GraphQL.ok;
import static io.mnemograph.api.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recall strategies through HTTP: what each signal finds, the reasons it gives, and abstention. */
@QuarkusTest
class RecallStrategiesTest {

    static final String REMEMBER_ALL = "mutation($b: [MemoryInput!]!) { rememberAll(inputs: $b) { id externalId } }";
    static final String RECALL = """
            query($q: String!, $s: String, $l: Int, $st: RecallStrategy, $min: Float) {
              recall(query: $q, scope: $s, limit: $l, strategy: $st, minScore: $min) {
                score reasons memory { id externalId content } } }""";

    @Inject
    GraphStore store;

    static List<Map<String, Object>> rememberSession(String scope, String session, String... turns) {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < turns.length; i++) {
            batch.add(vars("content", turns[i], "scope", scope, "sessionId", session,
                    "externalId", session + ":" + (i + 1), "occurredAt", "2024-05-0" + (session.length() % 9 + 1)
                            + "T10:00:00Z"));
        }
        return ok(REMEMBER_ALL, vars("b", batch)).getList("data.rememberAll");
    }

    static List<Map<String, Object>> recall(String q, String scope, String strategy, Double minScore) {
        return ok(RECALL, vars("q", q, "s", scope, "l", 10, "st", strategy, "min", minScore)).getList("data.recall");
    }

    static String externalId(Map<String, Object> r) {
        return (String) ((Map<?, ?>) r.get("memory")).get("externalId");
    }

    @SuppressWarnings("unchecked")
    static List<String> reasons(List<Map<String, Object>> found, String externalId) {
        return found.stream().filter(r -> externalId.equals(externalId(r)))
                .map(r -> (List<String>) r.get("reasons")).findFirst().orElse(List.of());
    }

    static String chat(String scope) {
        rememberSession(scope, "s1",
                "Alice: I finally went to the pottery workshop downtown.",
                "Bob: How was it? Did you make anything?",
                "Alice: A lopsided blue bowl, but I love it. The teacher was called Quetzalina.",
                "Bob: Nice, you should go back next month.");
        rememberSession(scope, "s2",
                "Bob: My bike chain snapped on the way to work.",
                "Alice: Oh no, did you fix it?",
                "Bob: Yes, the repair shop replaced it for twenty dollars.");
        return scope;
    }

    @Test
    void fulltextFindsAnExactRareWord() {
        String scope = chat(freshScope("ft"));
        List<Map<String, Object>> found = recall("Quetzalina", scope, "FULLTEXT", null);
        assertEquals(1, found.size(), "only one memory holds the word");
        assertEquals("s1:3", externalId(found.get(0)));
        assertTrue(reasons(found, "s1:3").get(0).startsWith("fulltext: rank 1"), reasons(found, "s1:3").toString());
    }

    @Test
    void vectorFindsByMeaningAlone() {
        String scope = chat(freshScope("vec"));
        List<Map<String, Object>> found = recall("bicycle broke", scope, "VECTOR", null);
        assertEquals("s2:1", externalId(found.get(0)));
        assertTrue(reasons(found, "s2:1").stream().allMatch(r -> r.startsWith("vector:")));
    }

    @Test
    void aForgottenMemoryIsLeftOutByEveryStrategyAndTheVectorRanksCloseUp() {
        String scope = chat(freshScope("forgot"));
        List<Map<String, Object>> before = recall("bicycle broke", scope, "VECTOR", null);
        assertEquals("s2:1", externalId(before.get(0)));
        String second = externalId(before.get(1));
        ok("mutation($id: ID!) { forget(id: $id) }", vars("id", ((Map<?, ?>) before.get(0).get("memory")).get("id")));
        for (String strategy : List.of("VECTOR", "FULLTEXT", "HYBRID", "GRAPH")) {
            List<String> ids = recall("bike chain snapped", scope, strategy, null).stream()
                    .map(RecallStrategiesTest::externalId).toList();
            assertFalse(ids.contains("s2:1"), strategy + " brought back a forgotten memory: " + ids);
        }
        List<Map<String, Object>> after = recall("bicycle broke", scope, "VECTOR", null);
        assertEquals(second, externalId(after.get(0)));
        assertTrue(reasons(after, second).get(0).startsWith("vector: rank 1,"), reasons(after, second).toString());
    }

    @Test
    void graphBringsTheNeighbouringTurnAndSaysWhy() {
        String scope = chat(freshScope("graph"));
        List<Map<String, Object>> found = recall("What did Alice make at the pottery workshop?", scope, null, null);
        List<String> ids = found.stream().map(RecallStrategiesTest::externalId).toList();
        assertTrue(ids.indexOf("s1:3") < 3, ids.toString());
        // the answer follows the question: "next turn after" names the path and the seed's rank
        assertTrue(reasons(found, "s1:3").stream().anyMatch(r -> r.matches("(next turn after|turn before) s1:\\d .*")),
                reasons(found, "s1:3").toString());
    }

    @Test
    void graphFollowsLinksTheAgentMade() {
        String scope = chat(freshScope("link"));
        List<Map<String, Object>> s3 = rememberSession(scope, "s3", "Alice: The kiln is booked for Saturday.");
        List<Map<String, Object>> bowl = recall("blue bowl", scope, "VECTOR", null);
        store.update("test/link", Map.of("from", ((Map<?, ?>) bowl.get(0).get("memory")).get("id"),
                "to", s3.get(0).get("id"), "reason", "the bowl goes into this kiln", "strength", 0.9));
        List<Map<String, Object>> found = recall("blue bowl", scope, "GRAPH", null);
        assertTrue(reasons(found, "s3:1").stream().anyMatch(r -> r.contains("linked to s1:3")
                && r.contains("the bowl goes into this kiln")), reasons(found, "s3:1").toString());
    }

    @Test
    void minScoreAbstainsWhenNothingIsRelevant() {
        String scope = chat(freshScope("abstain"));
        assertTrue(recall("What is the half-life of carbon-14?", scope, null, 0.45).isEmpty());
        assertTrue(recall("xqzv plorth wendigo frambulate", scope, null, 0.45).isEmpty());
        List<Map<String, Object>> found = recall("What did Alice make at the pottery workshop?", scope, null, 0.45);
        assertFalse(found.isEmpty());
        for (Map<String, Object> r : found) {
            assertTrue(((Number) r.get("score")).doubleValue() >= 0.45);
        }
    }
}
