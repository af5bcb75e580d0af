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
    static JsonObject recall(String scope) {
        JsonObject out = new JsonObject();
        for (String q : QUESTIONS) {
            out.put(q, new JsonArray(ok("query($q: String!, $s: String) { recall(query: $q, scope: $s, limit: 3) "
                    + "{ memory { id } } }", vars("q", q, "s", scope)).getList("data.recall.memory.id")));
        }
        return out;
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
