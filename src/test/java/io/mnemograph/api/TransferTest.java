package io.mnemograph.api;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.mnemograph.api.GraphQL.freshScope;
import static io.mnemograph.api.GraphQL.ok;
import static io.mnemograph.api.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Export and import in embedded mode, through HTTP. The scope exported here is left under target/transfer/ for
 * {@link TransferServerModeProfileTest}, which imports it into server mode and compares.
 */
@QuarkusTest
class TransferTest {

    static final String REMEMBER = "mutation($i: MemoryInput!) { remember(input: $i) { id } }";

    /** The trip and pottery turns (the agent links the trip and evolves a neighbour), one session each. */
    static Map<String, String> build(String scope) {
        List<String> order = List.of(AgentApiTest.TRIP.get(0), AgentApiTest.POTTERY.get(0), AgentApiTest.TRIP.get(1),
                AgentApiTest.POTTERY.get(1), AgentApiTest.TRIP.get(2), AgentApiTest.TRIP.get(3));
        Map<String, String> ids = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            String content = order.get(i);
            Map<String, Object> input = vars("content", content, "scope", scope, "externalId", "turn-" + i,
                    "sessionId", content.startsWith("Caroline") ? "trip" : "pottery",
                    "occurredAt", String.format("2024-05-%02dT10:00:00Z", i + 1));
            if (i == 0) {
                input.put("metadata", List.of(vars("key", "source", "value", "chat")));
            }
            ids.put(content, ok(REMEMBER, vars("i", input)).getString("data.remember.id"));
        }
        ok("mutation($o: ID!, $n: ID!) { supersede(oldId: $o, newId: $n, reason: \"she went back\") { id } }",
                vars("o", ids.get(AgentApiTest.TRIP.get(0)), "n", ids.get(AgentApiTest.TRIP.get(2))));
        return ids;
    }

    @Test
    void exportCarriesTheWholeScopeAndImportingItAgainChangesNothing() throws Exception {
        String scope = freshScope("export");
        build(scope);
        JsonObject before = Transfers.view(scope);
        int links = 0;
        int revisions = 0;
        for (Object m : before.getJsonArray("timeline")) {
            links += ((JsonObject) m).getJsonArray("links").size();
            revisions += ((JsonObject) m).getJsonArray("revisions").size();
        }
        assertTrue(links > 0 && revisions > 0, "the agent linked and evolved: " + links + " links, " + revisions
                + " revisions");

        var response = Transfers.export(null, "?scope=" + scope);
        assertEquals(200, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("application/x-ndjson"), response.contentType());
        String dump = response.asString();
        List<JsonObject> lines = Transfers.lines(dump);
        JsonObject header = lines.get(0);
        assertEquals("header", header.getString("type"));
        assertEquals("mnemograph-export", header.getString("format"));
        assertEquals(1, header.getInteger("version"));
        assertEquals(scope, header.getString("scope"));
        assertEquals("end", lines.get(lines.size() - 1).getString("type"));
        assertEquals(lines.size(), lines.get(lines.size() - 1).getInteger("lines"));
        Set<String> types = new TreeSet<>();
        lines.forEach(l -> types.add(l.getString("type")));
        assertEquals(new TreeSet<>(List.of("header", "scope", "session", "sessionNext", "keyword", "tag", "memory",
                "revision", "link", "supersedes", "next", "end")), types);
        List<JsonObject> memories = lines.stream().filter(l -> "memory".equals(l.getString("type"))).toList();
        assertEquals(6, memories.size());
        JsonObject first = memories.stream().filter(m -> "turn-0".equals(m.getString("externalId"))).findFirst()
                .orElseThrow();
        assertEquals(AgentApiTest.TRIP.get(0), first.getString("content"));
        assertEquals("chat", first.getJsonObject("metadata").getString("source"));
        assertEquals("trip", first.getString("sessionId"));
        assertEquals("READY", first.getString("status"));
        assertTrue(first.getString("validTo") != null, "the superseded memory keeps its validTo");
        assertFalse(first.containsKey("embedding"), "vectors only when asked");
        assertFalse(dump.contains("ApiKey") || dump.contains("secretHash"), "API keys are never exported");

        String withVectors = Transfers.export(null, "?scope=" + scope + "&vectors=true").asString();
        JsonObject vectorMemory = Transfers.lines(withVectors).stream()
                .filter(l -> "memory".equals(l.getString("type"))).findFirst().orElseThrow();
        assertEquals(384, vectorMemory.getJsonArray("embedding").size());

        // the ids are kept: into the same store, every line is already there and nothing changes
        var again = Transfers.importStream(null, dump);
        assertEquals(200, again.statusCode(), again.asString());
        Map<String, List<Long>> counts = Transfers.counts(again.asString());
        assertEquals(List.of(0L, 6L), counts.get("memory"));
        counts.forEach((type, c) -> assertEquals(0L, c.get(0), type + " created on a second import"));
        assertEquals(before, Transfers.view(scope));
        assertEquals(Transfers.content(dump), Transfers.content(Transfers.export(null, "?scope=" + scope).asString()));

        Files.createDirectories(Transfers.DIR);
        Files.writeString(Transfers.EXPORT, dump);
        Files.writeString(Transfers.VIEW, new JsonObject().put("scope", scope).put("view", before)
                .put("recall", Transfers.recall(scope)).encodePrettily());
    }

    @Test
    void importedMemoriesAreRecalledAtOnce() {
        String scope = freshScope("imported");
        ok(REMEMBER, vars("i", vars("content", "Ben repaired his bicycle's chain on Sunday.", "scope", scope)));
        // a first recall makes the process hold the scope's vectors: the import must add to them
        ok("query($s: String) { recall(query: \"bicycle\", scope: $s) { memory { id } } }", vars("s", scope));
        String id = UUID.randomUUID().toString();
        String stream = header() + "\n" + new JsonObject().put("type", "memory").put("id", id).put("scope", scope)
                .put("content", "Zoe keeps three bee hives on her rooftop in Lisbon.").put("externalId", "bees")
                .put("status", "READY").put("keywords", List.of("bees", "lisbon")).put("tags", List.of("hobby"))
                .encode() + "\n";
        var answer = Transfers.importStream(null, stream);
        assertEquals(200, answer.statusCode(), answer.asString());
        assertEquals(List.of(1L, 0L), Transfers.counts(answer.asString()).get("memory"));
        List<Object> found = ok("query($s: String) { recall(query: \"Who keeps bees?\", scope: $s, limit: 1) "
                + "{ memory { id externalId keywords tags status } } }", vars("s", scope)).getList("data.recall.memory.id");
        assertEquals(List.of(id), found);
        Map<String, Object> m = ok("query($id: ID!) { memory(id: $id) { status keywords tags } }", vars("id", id))
                .getMap("data.memory");
        assertEquals("READY", m.get("status"));
        assertEquals(List.of("hobby"), m.get("tags"));
    }

    @Test
    void aMalformedLineIsRefusedWithItsNumberAndNothingIsWritten() {
        String scope = freshScope("malformed");
        String id = UUID.randomUUID().toString();
        String good = new JsonObject().put("type", "memory").put("id", id).put("scope", scope)
                .put("content", "Nothing of this stream may be stored.").encode();
        for (var c : List.of(
                List.of(header() + "\n" + good + "\n{\"type\": \"memory\", oops\n", "line 3"),
                List.of(header() + "\n" + good + "\n" + new JsonObject().put("type", "memory")
                        .put("id", UUID.randomUUID().toString()).put("scope", scope).put("content", "x")
                        .put("occurredAt", "last Tuesday").encode() + "\n", "line 3: occurredAt"),
                List.of(header() + "\n" + good + "\n{\"type\": \"apiKey\", \"scope\": \"" + scope + "\"}\n", "line 3"),
                List.of(header().replace("\"version\":1", "\"version\":2") + "\n" + good + "\n", "version 2"),
                List.of(good + "\n", "line 1"))) {
            var answer = Transfers.importStream(null, c.get(0));
            assertEquals(400, answer.statusCode(), answer.asString());
            String error = new JsonObject(answer.asString()).getString("error");
            assertTrue(error.contains(c.get(1)), error);
            assertFalse(answer.asString().contains("Exception") || answer.asString().contains("io.mnemograph"),
                    answer.asString());
        }
        assertNull(ok("query($id: ID!) { memory(id: $id) { id } }", vars("id", id)).get("data.memory"));
        assertEquals(new ArrayList<>(), ok("query($s: String) { timeline(scope: $s) { id } }", vars("s", scope))
                .getList("data.timeline"));
    }

    static String header() {
        return "{\"type\":\"header\",\"format\":\"mnemograph-export\",\"version\":1}";
    }
}
