package io.mnemograph.api;

import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static io.mnemograph.api.GraphQL.ok;
import static io.mnemograph.api.GraphQL.vars;
import static io.restassured.RestAssured.given;

/**
 * Export and import over HTTP, and what a user sees of a scope through GraphQL, in a form two servers' answers can be
 * compared in. Shared by the embedded and the server-mode test; the embedded one leaves its export under target/.
 */
final class Transfers {

    static final java.nio.file.Path DIR = java.nio.file.Path.of("target", "transfer");
    static final java.nio.file.Path EXPORT = DIR.resolve("embedded-export.ndjson");
    static final java.nio.file.Path VIEW = DIR.resolve("embedded-view.json");
    static final List<String> QUESTIONS = List.of("Where did Caroline go hiking?", "What is Melanie making?",
            "Who twisted an ankle?", "Where did they camp?");

    private static final String MEMORY_FIELDS = """
            id content context externalId sessionId occurredAt recordedAt validFrom validTo status strength recallCount
            lastRecalledAt keywords tags metadata { key value } links { memory { id } reason strength by }
            revisions { id field before after agent reason at } supersedes { id } supersededBy { id }
            next { id } previous { id } mentions { text from to }""";

    private Transfers() {
    }

    static Response export(String key, String query) {
        var r = given();
        if (key != null) {
            r = r.header("Authorization", "Bearer " + key);
        }
        return r.when().get("/export" + query);
    }

    static Response importStream(String key, String body) {
        var r = given().contentType("application/x-ndjson").body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (key != null) {
            r = r.header("Authorization", "Bearer " + key);
        }
        return r.when().post("/import");
    }

    static List<JsonObject> lines(String ndjson) {
        List<JsonObject> out = new ArrayList<>();
        for (String l : ndjson.split("\n")) {
            if (!l.isBlank()) {
                out.add(new JsonObject(l));
            }
        }
        return out;
    }

    /** The lines of an export without its header (which names the time and the storage mode), as a sorted set. */
    static TreeSet<String> content(String ndjson) {
        TreeSet<String> out = new TreeSet<>();
        for (String l : ndjson.split("\n")) {
            if (!l.isBlank() && !"header".equals(new JsonObject(l).getString("type"))) {
                out.add(l);
            }
        }
        return out;
    }

    /** Counts of the import's answer: type → [created, present]. */
    static Map<String, List<Long>> counts(String answer) {
        Map<String, List<Long>> out = new LinkedHashMap<>();
        JsonObject imported = new JsonObject(answer).getJsonObject("imported");
        for (String t : imported.fieldNames()) {
            out.put(t, List.of(imported.getJsonObject(t).getLong("created"),
                    imported.getJsonObject(t).getLong("present")));
        }
        return out;
    }

    /** Everything GraphQL shows of a scope's memories, their links, revisions, order and sessions (no recall). */
    static JsonObject view(String scope) {
        Map<String, Object> data = ok("query($s: String) { timeline(scope: $s, limit: 1000) { " + MEMORY_FIELDS
                + " } sessions(scope: $s) { id startedAt endedAt memoryCount } }", vars("s", scope)).getMap("data");
        JsonObject v = new JsonObject(data);
        // links and revisions are sets; the API does not promise their order
        for (Object m : v.getJsonArray("timeline")) {
            JsonObject memory = (JsonObject) m;
            memory.put("links", sorted(memory.getJsonArray("links")));
            memory.put("revisions", sorted(memory.getJsonArray("revisions")));
        }
        return v;
    }

    /** The ids recall answers for each question, in rank order. */
    /** What recall answers to a few questions: each result's id and score, best first. */
    static JsonObject recall(String scope) {
        JsonObject out = new JsonObject();
        for (String q : QUESTIONS) {
            JsonArray results = new JsonArray();
            List<Map<String, Object>> got = ok("query($q: String!, $s: String) { recall(query: $q, scope: $s, limit: 3) "
                    + "{ score memory { id } } }", vars("q", q, "s", scope)).getList("data.recall");
            for (Map<String, Object> x : got) {
                results.add(new JsonObject().put("id", ((Map<?, ?>) x.get("memory")).get("id"))
                        .put("score", ((Number) x.get("score")).doubleValue()));
            }
            out.put(q, results);
        }
        return out;
    }

    /**
     * Asserts that two {@link #recall} answers agree: the same memories in the same order, except that two neighbours
     * whose scores are within 0.05 of each other in both answers may trade places (a near tie, on a scale where a
     * strong match scores about 1). Embedded mode compares candidates the
     * vector search did not return by its int8 vectors (cosines within ~2e-3 of exact, docs/architecture.md), server
     * mode by the exact ones. Scores themselves may differ by retention (when each store last saw the memories used).
     */
    static void assertSameRecall(JsonObject expected, JsonObject actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expected.fieldNames(), actual.fieldNames());
        for (String q : expected.fieldNames()) {
            JsonArray e = expected.getJsonArray(q);
            JsonArray a = actual.getJsonArray(q);
            String both = q + ": expected " + e + ", got " + a;
            org.junit.jupiter.api.Assertions.assertEquals(e.size(), a.size(), both);
            for (int i = 0; i < e.size(); i++) {
                if (id(e, i).equals(id(a, i))) {
                    continue;
                }
                org.junit.jupiter.api.Assertions.assertTrue(i + 1 < e.size() && id(e, i).equals(id(a, i + 1))
                        && id(e, i + 1).equals(id(a, i)) && close(e, i) && close(a, i), both);
                i++;
            }
        }
    }

    private static String id(JsonArray results, int i) {
        return results.getJsonObject(i).getString("id");
    }

    private static boolean close(JsonArray results, int i) {
        double x = results.getJsonObject(i).getDouble("score");
        double y = results.getJsonObject(i + 1).getDouble("score");
        return Math.abs(x - y) <= 0.05;
    }

    private static JsonArray sorted(JsonArray a) {
        List<String> items = new ArrayList<>();
        a.forEach(x -> items.add(((JsonObject) x).encode()));
        items.sort(null);
        JsonArray out = new JsonArray();
        items.forEach(s -> out.add(new JsonObject(s)));
        return out;
    }
}
