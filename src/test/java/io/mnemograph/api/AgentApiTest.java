package io.mnemograph.api;

import io.mnemograph.graph.GraphStore;
import io.mnemograph.remember.Evolver;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.mnemograph.api.GraphQL.error;
import static io.mnemograph.api.GraphQL.freshScope;
import static io.mnemograph.api.GraphQL.ok;
import static io.mnemograph.api.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The heuristic agent through the API: notes, links with reasons, revisions and revert, neighbours. */
@QuarkusTest
class AgentApiTest {

    static final String REMEMBER = "mutation($i: MemoryInput!) { remember(input: $i) { id status keywords tags context } }";
    static final String MEMORY = """
            query($id: ID!) { memory(id: $id) { id status context keywords tags
              links { memory { id } reason strength by }
              revisions { id field before after agent reason at } } }""";

    static final List<String> TRIP = List.of(
            "Caroline: I went hiking in the Rockies last weekend with my sister.",
            "Caroline: The trail near Banff had amazing views of the glacier lake.",
            "Caroline: We camped two nights by the lake during that hiking trip.",
            "Caroline: My sister twisted her ankle on the hike down from the glacier.");
    static final List<String> POTTERY = List.of(
            "Melanie: My pottery class starts on Tuesday, I'm making a vase.",
            "Melanie: I glazed the vase blue and fired it in the kiln.");

    @Inject
    GraphStore store;
    @Inject
    Evolver evolver;

    static Map<String, Object> remember(String content, String scope, String session, int day) {
        return ok(REMEMBER, vars("i", vars("content", content, "scope", scope, "sessionId", session,
                "occurredAt", String.format("2024-05-%02dT10:00:00Z", day)))).getMap("data.remember");
    }

    static Map<String, Object> memory(Object id) {
        return ok(MEMORY, vars("id", id)).getMap("data.memory");
    }

    /** Remembers the trip and pottery turns interleaved; returns content → id. */
    static Map<String, String> tripAndPottery(String scope) {
        List<String> order = List.of(TRIP.get(0), POTTERY.get(0), TRIP.get(1), POTTERY.get(1), TRIP.get(2), TRIP.get(3));
        Map<String, String> ids = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            ids.put(order.get(i), (String) remember(order.get(i), scope, "s1", i + 1).get("id"));
        }
        return ids;
    }

    @Test
    void everyMemoryGetsANoteAndIsReady() {
        Map<String, Object> m = remember(TRIP.get(1), freshScope("note"), "s1", 1);
        assertEquals("READY", m.get("status"));
        List<?> keywords = (List<?>) m.get("keywords");
        assertTrue(keywords.contains("banff") && keywords.contains("glacier"), keywords.toString());
        assertFalse(keywords.contains("caroline"), "the speaker is not a keyword");
        assertFalse(((List<?>) m.get("tags")).isEmpty());
        assertTrue(((String) m.get("context")).contains("Banff"), (String) m.get("context"));
    }

    @Test
    void relatedTurnsLinkWithReasonsAndUnrelatedOnesDoNot() {
        Map<String, String> ids = tripAndPottery(freshScope("trip"));
        Set<String> trip = new HashSet<>();
        TRIP.forEach(t -> trip.add(ids.get(t)));
        int within = 0;
        int across = 0;
        for (String t : TRIP) {
            for (Map<String, Object> link : links(ids.get(t))) {
                String other = (String) ((Map<?, ?>) link.get("memory")).get("id");
                if (trip.contains(other)) {
                    within++;
                } else {
                    across++;
                }
                assertFalse(((String) link.get("reason")).isBlank());
                assertEquals("heuristic", link.get("by"));
            }
        }
        assertTrue(within >= 3, "trip memories linked to each other: " + within);
        assertEquals(0, across, "trip memories linked to pottery");
        // links read the same from both ends
        String first = ids.get(TRIP.get(0));
        for (Map<String, Object> link : links(first)) {
            String other = (String) ((Map<?, ?>) link.get("memory")).get("id");
            assertTrue(links(other).stream().anyMatch(l -> first.equals(((Map<?, ?>) l.get("memory")).get("id"))));
        }
    }

    @Test
    void evolutionIsRecordedAndRevertRestoresTheExactPriorValue() {
        Map<String, String> ids = tripAndPottery(freshScope("rev"));
        Map<String, Object> revision = null;
        String owner = null;
        for (String id : ids.values()) {
            List<Map<String, Object>> revisions = revisions(id);
            if (!revisions.isEmpty()) {
                revision = revisions.get(revisions.size() - 1);
                owner = id;
            }
        }
        assertNotNull(revision, "the agent evolved no neighbour");
        assertEquals("heuristic", revision.get("agent"));
        assertFalse(((String) revision.get("reason")).isBlank());
        String field = (String) revision.get("field");
        // revert the oldest change: the field returns to what it was before the agent touched it
        Map<String, Object> reverted = ok("mutation($r: ID!) { revert(revisionId: $r) { id context tags } }",
                vars("r", revision.get("id"))).getMap("data.revert");
        assertEquals(owner, reverted.get("id"));
        Object now = reverted.get(field);
        if ("tags".equals(field)) {
            assertEquals(revision.get("before"), json((List<?>) now));
        } else {
            assertEquals(revision.get("before"), now);
        }
        List<Map<String, Object>> after = revisions(owner);
        assertEquals("caller", after.get(0).get("agent"), "the revert is itself recorded, newest first");
        assertTrue(error("mutation { revert(revisionId: \"nope\") { id } }", null).contains("no revision"));
    }

    @Test
    void erasingAMemoryTakesBackWhatItsArrivalChangedInItsNeighbours() {
        String scope = freshScope("erase");
        Map<String, String> ids = tripAndPottery(scope);
        String last = ids.get(TRIP.get(3));
        assertTrue(store.query("test/scope_traces", Map.of("scope", scope, "text", "ankle")).size() > 1,
                "the agent spread the erased memory's words to a neighbour (precondition)");
        ok("mutation($id: ID!) { forget(id: $id, hard: true) }", vars("id", last));
        assertEquals(List.of(), store.query("test/scope_traces", Map.of("scope", scope, "text", "ankle")));
        assertEquals(List.of(), store.query("test/traces", Map.of("text", last)));
    }

    @Test
    void callerLinksUnlinksAndNeighborsFollowLinks() {
        String scope = freshScope("hand");
        String a = (String) remember("Zed collects rare stamps from Iceland.", scope, null, 1).get("id");
        String b = (String) remember("The weather was windy on Monday.", scope, null, 2).get("id");
        String c = (String) remember("Quentin bakes sourdough bread every Sunday.", scope, null, 3).get("id");
        Map<String, Object> link = ok("mutation($a: ID!, $b: ID!) { link(from: $a, to: $b, reason: \"same trip\") { memory { id } reason strength by } }",
                vars("a", a, "b", b)).getMap("data.link");
        assertEquals(b, ((Map<?, ?>) link.get("memory")).get("id"));
        assertEquals("caller", link.get("by"));
        ok("mutation($a: ID!, $b: ID!) { link(from: $a, to: $b) { by } }", vars("a", b, "b", c));
        List<Map<String, Object>> one = ok("query($id: ID!) { neighbors(id: $id, depth: 1) { id } }", vars("id", a))
                .getList("data.neighbors");
        assertEquals(List.of(b), one.stream().map(m -> m.get("id")).toList());
        List<Object> two = ok("query($id: ID!) { neighbors(id: $id, depth: 2) { id } }", vars("id", a))
                .getList("data.neighbors.id");
        assertEquals(List.of(b, c), two);
        assertEquals(true, ok("mutation($a: ID!, $b: ID!) { unlink(from: $a, to: $b) }", vars("a", b, "b", a))
                .getBoolean("data.unlink"));
        assertEquals(false, ok("mutation($a: ID!, $b: ID!) { unlink(from: $a, to: $b) }", vars("a", a, "b", b))
                .getBoolean("data.unlink"));
        String other = (String) remember("Elsewhere.", freshScope("other"), null, 1).get("id");
        assertTrue(error("mutation($a: ID!, $b: ID!) { link(from: $a, to: $b) { by } }", vars("a", a, "b", other))
                .contains("different scopes"));
    }

    @Test
    void aTagACallerGaveIsNotSpreadToOtherMemoriesByTheAgent() {
        String scope = freshScope("given-tag");
        ok(REMEMBER, vars("i", vars("content", TRIP.get(1), "scope", scope, "tags", List.of("project-bluefin"))));
        // nearly the same words: the caller's tag would be the closest the scope has
        Map<String, Object> other = remember(TRIP.get(1).replace("amazing", "great"), scope, "s1", 2);
        assertFalse(((List<?>) other.get("tags")).isEmpty());
        assertFalse(((List<?>) other.get("tags")).contains("project-bluefin"), other.get("tags").toString());
    }

    @Test
    void aMemoryLeftPendingByACrashIsProcessedAgain() {
        String scope = freshScope("crash");
        String id = UUID.randomUUID().toString();
        // What a crash after the store transaction leaves behind: the memory, PENDING, with no note yet.
        store.write(tx -> {
            tx.run("memory/lock_scope", Map.of("scope", scope, "now", ZonedDateTime.now(ZoneOffset.UTC)));
            Map<String, Object> m = new HashMap<>();
            m.put("id", id);
            m.put("scope", scope);
            m.put("scopeKey", "s" + scope.hashCode());
            m.put("content", "Caroline: The trail near Banff had views of the glacier lake.");
            m.put("context", null);
            m.put("keywords", List.of());
            m.put("tags", List.of());
            m.put("keywordText", "");
            m.put("sessionId", null);
            m.put("externalId", null);
            m.put("scopedExternalId", null);
            m.put("occurredAt", ZonedDateTime.now(ZoneOffset.UTC));
            m.put("recordedAt", ZonedDateTime.now(ZoneOffset.UTC));
            m.put("metadataKeys", List.of());
            m.put("metadataValues", List.of());
            m.put("status", "PENDING");
            m.put("strength", 1.0);
            m.put("embedding", new float[384]);
            ((float[]) m.get("embedding"))[0] = 1f;
            return tx.run("memory/insert", Map.of("scope", scope, "rows", List.of(m)));
        });
        assertEquals("PENDING", memory(id).get("status"));
        assertTrue(evolver.resumePending() >= 1);
        Map<String, Object> after = memory(id);
        assertEquals("READY", after.get("status"));
        assertTrue(((List<?>) after.get("keywords")).contains("banff"));
    }

    @Test
    void parallelWritersToOneScopeShareKeywordNodesAndKeepTheirLinks() throws Exception {
        String scope = freshScope("parallel");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Map<String, Object>>> futures = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String text = "Caroline: hiking near the glacier lake in Banff, day " + i + " of the trip.";
            int day = i + 1;
            futures.add(pool.submit(() -> remember(text, scope, "s1", day)));
        }
        List<String> ids = new ArrayList<>();
        for (Future<Map<String, Object>> f : futures) {
            ids.add((String) f.get().get("id"));
        }
        pool.shutdown();
        long glacierNodes = (Long) store.query("test/count_keyword", Map.of("key", scope + "|glacier")).get(0).get("n");
        assertEquals(1, glacierNodes);
        long df = (Long) store.query("test/count_keyword", Map.of("key", scope + "|glacier")).get(0).get("df");
        assertEquals(12, df, "every memory counted on the one keyword node");
        int links = 0;
        for (String id : ids) {
            assertEquals("READY", memory(id).get("status"));
            links += links(id).size();
        }
        assertTrue(links >= 12, "near-identical memories are linked: " + links);
    }

    static List<Map<String, Object>> links(String id) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> l = (List<Map<String, Object>>) memory(id).get("links");
        return l;
    }

    static List<Map<String, Object>> revisions(String id) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> l = (List<Map<String, Object>>) memory(id).get("revisions");
        return l;
    }

    static String json(List<?> labels) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < labels.size(); i++) {
            b.append(i == 0 ? "" : ",").append('"').append(labels.get(i)).append('"');
        }
        return b.append(']').toString();
    }
}
