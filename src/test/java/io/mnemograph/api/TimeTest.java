package io.mnemograph.api;

import io.mnemograph.graph.GraphStore;
import io.mnemograph.graph.MemoryVectors;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Time as the user sees it through GraphQL: knowledge updates, event order, time words, forgetting. */
@QuarkusTest
class TimeTest {

    static final String REMEMBER = """
            mutation($i: MemoryInput!) { remember(input: $i) { id occurredAt recordedAt validFrom validTo } }""";
    static final String SUPERSEDE = """
            mutation($o: ID!, $n: ID!, $r: String) { supersede(oldId: $o, newId: $n, reason: $r) {
              id supersedes { id } supersededBy { id } } }""";
    static final String MEMORY = """
            query($id: ID!) { memory(id: $id) { id content status validFrom validTo strength recallCount lastRecalledAt
              supersededBy { id } supersedes { id } previous { id } next { id } } }""";
    static final String RECALL = """
            query($q: String!, $s: String, $at: DateTime, $from: DateTime, $to: DateTime, $sup: Boolean) {
              recall(query: $q, scope: $s, limit: 10, at: $at, from: $from, to: $to, includeSuperseded: $sup) {
                score reasons memory { id } } }""";
    static final String TIMELINE = """
            query($s: String, $session: String, $from: DateTime, $to: DateTime) {
              timeline(scope: $s, sessionId: $session, from: $from, to: $to, limit: 100) {
                id occurredAt previous { id } next { id } } }""";
    static final String HAPPENED_BEFORE = "query($a: ID!, $b: ID!) { happenedBefore(a: $a, b: $b) }";
    static final String FORGET = "mutation($id: ID!, $hard: Boolean) { forget(id: $id, hard: $hard) }";
    static final String RESTORE = "mutation($id: ID!) { restore(id: $id) { id status } }";

    final FakeClock clock = new FakeClock("2024-07-01T12:00:00Z");

    @Inject
    GraphStore graph;
    @Inject
    MemoryVectors embeddings;

    @BeforeEach
    void installClock() {
        QuarkusMock.installMockForType(clock, InstantSource.class);
    }

    static String remember(String scope, String content, String occurredAt, String sessionId) {
        return ok(REMEMBER, vars("i", vars("content", content, "scope", scope, "occurredAt", occurredAt,
                "sessionId", sessionId))).getString("data.remember.id");
    }

    static Map<String, Object> memory(String id) {
        return ok(MEMORY, vars("id", id)).getMap("data.memory");
    }

    static List<String> recallIds(String q, String scope, String at, boolean includeSuperseded) {
        return ids(recall(vars("q", q, "s", scope, "at", at, "sup", includeSuperseded)));
    }

    static List<Map<String, Object>> recall(Map<String, Object> vars) {
        return ok(RECALL, vars).getList("data.recall");
    }

    @SuppressWarnings("unchecked")
    static List<String> ids(List<Map<String, Object>> recollections) {
        return recollections.stream().map(r -> (String) ((Map<String, Object>) r.get("memory")).get("id")).toList();
    }

    static List<Map<String, Object>> timeline(String scope, String session) {
        return ok(TIMELINE, vars("s", scope, "session", session)).getList("data.timeline");
    }

    // ---- knowledge updates ----

    @Test
    void aKnowledgeUpdateIsAnsweredByTheNewFactNowAndByTheOldAsOfBefore() {
        String scope = freshScope("update");
        String boston = remember(scope, "Alex lives in Boston, near the harbour.", "2023-01-10T09:00:00Z", null);
        String seattle = remember(scope, "Alex moved to Seattle and lives there now.", "2024-06-01T09:00:00Z", null);

        Map<String, Object> newer = ok(SUPERSEDE, vars("o", boston, "n", seattle, "r", "moved"))
                .getMap("data.supersede");
        assertEquals(seattle, newer.get("id"));
        assertEquals(List.of(Map.of("id", boston)), newer.get("supersedes"));

        Map<String, Object> older = memory(boston);
        assertEquals("2024-06-01T09:00:00Z", older.get("validTo"), "the old fact stops being true when the new happened");
        assertEquals("2023-01-10T09:00:00Z", older.get("validFrom"));
        assertEquals(Map.of("id", seattle), older.get("supersededBy"));

        // now (the fake clock): the new fact, and the old one is gone
        List<String> now = recallIds("Where does Alex live?", scope, null, false);
        assertEquals(seattle, now.get(0));
        assertFalse(now.contains(boston));
        // as of a moment before the update: the old fact, and the new one has not happened yet
        List<String> before = recallIds("Where does Alex live?", scope, "2024-05-31T00:00:00Z", false);
        assertEquals(List.of(boston), before);
        // asked for, superseded memories come back
        assertTrue(recallIds("Where does Alex live?", scope, null, true).containsAll(List.of(seattle, boston)));

        // the change is a revision of the older memory; superseding again changes nothing
        List<Map<String, Object>> revisions = revisions(boston);
        assertEquals(1, revisions.size());
        assertEquals("validTo", revisions.get(0).get("field"));
        assertEquals("2024-06-01T09:00:00Z", revisions.get(0).get("after"));
        assertEquals("moved", revisions.get(0).get("reason"));
        assertEquals("api", revisions.get(0).get("agent"));
        ok(SUPERSEDE, vars("o", boston, "n", seattle));
        assertEquals(1, revisions(boston).size());
    }

    @Test
    void supersedeRefusesWhatMakesNoSense() {
        String scope = freshScope("sup-bad");
        String a = remember(scope, "The office is on floor 3.", "2024-01-01T00:00:00Z", null);
        String b = remember(scope, "The office moved to floor 5.", "2024-02-01T00:00:00Z", null);
        String other = remember(freshScope("sup-other"), "The office is on floor 7.", "2024-03-01T00:00:00Z", null);
        assertTrue(error(SUPERSEDE, vars("o", a, "n", other)).contains("different scopes"));
        assertTrue(error(SUPERSEDE, vars("o", a, "n", "no-such-id")).contains("no memory no-such-id"));
        assertTrue(error(SUPERSEDE, vars("o", a, "n", a)).contains("itself"));
        ok(SUPERSEDE, vars("o", a, "n", b));
        assertTrue(error(SUPERSEDE, vars("o", b, "n", a)).contains("cycle"));
        assertNull(memory(b).get("validTo"));
    }

    @Test
    void aNewerMemoryThatHappenedFirstMeansTheOlderWasNeverTrue() {
        String scope = freshScope("sup-corr");
        String wrong = remember(scope, "The meeting is in room 12.", "2024-03-01T10:00:00Z", null);
        String right = remember(scope, "The meeting was always in room 21.", "2024-02-01T10:00:00Z", null);
        ok(SUPERSEDE, vars("o", wrong, "n", right, "r", "correction"));
        assertEquals("2024-03-01T10:00:00Z", memory(wrong).get("validTo"));
        assertEquals(List.of(right), recallIds("Which room is the meeting in?", scope, null, false));
    }

    // ---- order ----

    @Test
    void aTimelineIsInEventOrderAfterOutOfOrderInserts() {
        String scope = freshScope("order");
        String c = remember(scope, "Step c of the garden project.", "2024-02-03T08:00:00Z", "garden");
        String a = remember(scope, "Step a of the garden project.", "2024-02-01T08:00:00Z", "garden");
        String b = remember(scope, "Step b of the garden project.", "2024-02-02T08:00:00Z", "garden");
        // late arrivals: one before the head, one in the middle, one at the very moment of another (arrival decides)
        String first = remember(scope, "The garden project was planned.", "2024-01-31T08:00:00Z", "garden");
        String bb = remember(scope, "Step b, second part.", "2024-02-02T08:00:00Z", "garden");
        String other = remember(scope, "A walk in the park.", "2024-01-15T08:00:00Z", "walk");

        List<String> expected = List.of(first, a, b, bb, c);
        List<Map<String, Object>> tl = timeline(scope, "garden");
        assertEquals(expected, tl.stream().map(m -> m.get("id")).toList());
        assertChain(expected, tl);
        assertEquals(List.of(other, first, a, b, bb, c), timeline(scope, null).stream().map(m -> m.get("id")).toList());
        List<Map<String, Object>> window = ok(TIMELINE, vars("s", scope, "from", "2024-02-02T00:00:00Z",
                "to", "2024-02-02T23:59:59Z")).getList("data.timeline");
        assertEquals(List.of(b, bb), window.stream().map(m -> m.get("id")).toList());

        List<Map<String, Object>> sessions = ok("query($s: String) { sessions(scope: $s) { id scope startedAt endedAt memoryCount } }",
                vars("s", scope)).getList("data.sessions");
        assertEquals(List.of("walk", "garden"), sessions.stream().map(s -> s.get("id")).toList());
        assertEquals(Map.of("id", "garden", "scope", scope, "startedAt", "2024-01-31T08:00:00Z",
                "endedAt", "2024-02-03T08:00:00Z", "memoryCount", 5), sessions.get(1));

        assertTrue(ok(HAPPENED_BEFORE, vars("a", a, "b", c)).getBoolean("data.happenedBefore"));
        assertFalse(ok(HAPPENED_BEFORE, vars("a", c, "b", a)).getBoolean("data.happenedBefore"));
        assertTrue(ok(HAPPENED_BEFORE, vars("a", b, "b", bb)).getBoolean("data.happenedBefore"));
        assertFalse(ok(HAPPENED_BEFORE, vars("a", a, "b", a)).getBoolean("data.happenedBefore"));
        String elsewhere = remember(freshScope("order-b"), "Elsewhere.", "2024-01-01T00:00:00Z", null);
        assertTrue(error(HAPPENED_BEFORE, vars("a", a, "b", elsewhere)).contains("different scopes"));
        assertTrue(error(HAPPENED_BEFORE, vars("a", a, "b", "nope")).contains("no memory nope"));
    }

    /** The NEXT chain, read through previous/next: one head, one tail, every memory once, in this order. */
    @SuppressWarnings("unchecked")
    static void assertChain(List<String> expected, List<Map<String, Object>> timeline) {
        Map<String, String> next = new java.util.HashMap<>();
        List<String> heads = new ArrayList<>();
        List<String> tails = new ArrayList<>();
        for (Map<String, Object> m : timeline) {
            Map<String, Object> p = (Map<String, Object>) m.get("previous");
            Map<String, Object> n = (Map<String, Object>) m.get("next");
            if (p == null) {
                heads.add((String) m.get("id"));
            }
            if (n == null) {
                tails.add((String) m.get("id"));
            } else {
                next.put((String) m.get("id"), (String) n.get("id"));
            }
        }
        assertEquals(List.of(expected.get(0)), heads, "one head");
        assertEquals(List.of(expected.get(expected.size() - 1)), tails, "one tail");
        List<String> walked = new ArrayList<>();
        for (String at = heads.get(0); at != null && walked.size() <= expected.size(); at = next.get(at)) {
            walked.add(at);
        }
        assertEquals(expected, walked, "the chain, head to tail");
    }

    @Test
    void concurrentInsertsIntoOneSessionLeaveExactlyOneChain() throws Exception {
        String scope = freshScope("race");
        int n = 20;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(42));
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<String>> calls = new ArrayList<>();
            for (int i : order) {
                // pairs share a moment, so arrival order (seq) must decide between them consistently
                String at = Instant.parse("2024-03-01T00:00:00Z").plus(Duration.ofHours(i / 2)).toString();
                calls.add(pool.submit(() -> remember(scope, "Turn " + i + " of a busy conversation.", at, "busy")));
            }
            for (Future<String> f : calls) {
                assertNotNull(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<Map<String, Object>> tl = timeline(scope, "busy");
        assertEquals(n, tl.size());
        List<String> inOrder = tl.stream().map(m -> (String) m.get("id")).toList();
        assertEquals(n, new HashSet<>(inOrder).size());
        List<String> times = tl.stream().map(m -> (String) m.get("occurredAt")).toList();
        assertEquals(times.stream().sorted().toList(), times, "timeline in event order");
        assertChain(inOrder, tl);
        Map<String, Object> shape = graph.query("test/chain_shape", Map.of("key", scope + "|busy")).get(0);
        assertEquals((long) n, shape.get("memories"));
        assertEquals((long) n - 1, shape.get("edges"), "a chain of n memories has n - 1 links");
        assertEquals(1L, shape.get("maxOut"));
        assertEquals(1L, shape.get("maxIn"));
        for (int i = 1; i < n; i++) {
            assertTrue(ok(HAPPENED_BEFORE, vars("a", inOrder.get(i - 1), "b", inOrder.get(i)))
                    .getBoolean("data.happenedBefore"));
        }
    }

    // ---- time words ----

    @Test
    void aTimeWordBoostsMemoriesInsideItsWindowWithoutFilteringTheRest() {
        clock.set("2023-06-15T12:00:00Z");
        String scope = freshScope("words");
        String may = remember(scope, "Alex went hiking in the mountains with Sam.", "2023-05-10T10:00:00Z", null);
        String march = remember(scope, "Alex went hiking in the mountains with Sam.", "2023-03-10T10:00:00Z", null);

        List<Map<String, Object>> inMay = recall(vars("q", "When did Alex go hiking in May 2023?", "s", scope));
        assertEquals(List.of(may, march), ids(inMay), "boosted, and the other still comes back");
        assertTrue(((List<?>) inMay.get(0).get("reasons")).contains("time: said within May 2023"), inMay.toString());

        List<Map<String, Object>> inMarch = recall(vars("q", "Did Alex go hiking in March?", "s", scope));
        assertEquals(List.of(march, may), ids(inMarch));
        assertTrue(((List<?>) inMarch.get(0).get("reasons")).contains("time: said within March 2023"), inMarch.toString());

        // an explicit window filters, and then time words do not speak
        List<Map<String, Object>> explicit = recall(vars("q", "When did Alex go hiking in May 2023?", "s", scope,
                "from", "2023-03-01T00:00:00Z", "to", "2023-03-31T00:00:00Z"));
        assertEquals(List.of(march), ids(explicit));
        assertFalse(explicit.get(0).get("reasons").toString().contains("time:"));
    }

    // ---- forgetting ----

    @Test
    void recallAsOfNowReinforcesWhatItReturnsAndAnAsOfRecallDoesNot() {
        String scope = freshScope("reinforce");
        String id = remember(scope, "The spare key is under the blue flowerpot.", "2024-06-01T00:00:00Z", null);
        Map<String, Object> fresh = memory(id);
        assertEquals(1.0, ((Number) fresh.get("strength")).doubleValue());
        assertEquals(0, fresh.get("recallCount"));
        assertNull(fresh.get("lastRecalledAt"));

        recallIds("Where is the spare key?", scope, "2024-06-20T00:00:00Z", false);
        assertEquals(0, memory(id).get("recallCount"), "a look at history is not a use");

        clock.advance(Duration.ofDays(2));
        List<Map<String, Object>> r = recall(vars("q", "Where is the spare key?", "s", scope));
        assertEquals(List.of(id), ids(r));
        assertTrue(r.get(0).get("reasons").toString().contains("retention: "), r.toString());
        Map<String, Object> used = memory(id);
        assertEquals(1, used.get("recallCount"));
        assertEquals("2024-07-03T12:00:00Z", used.get("lastRecalledAt"));
        assertTrue(((Number) used.get("strength")).doubleValue() > 1.0);
    }

    @Test
    void retentionIsMildItDecidesBetweenEqualMatchesButNeverOverturnsAClearOne() {
        clock.set("2024-07-01T12:00:00Z");
        String scope = freshScope("retention");
        String old = remember(scope, "Priya's favourite tea is jasmine green tea.", "2021-01-01T00:00:00Z", null);
        String recent = remember(scope, "Priya's favourite tea is jasmine green tea.", "2024-06-30T00:00:00Z", null);
        String unrelated = remember(scope, "The car needs new winter tyres.", "2024-06-30T12:00:00Z", null);
        List<String> found = recallIds("What is Priya's favourite tea?", scope, null, false);
        assertEquals(List.of(recent, old), found.subList(0, 2), "equal matches: the fresher first");
        assertEquals(unrelated, found.get(2), "a clearly better match is never pushed below a fresh weak one");
    }

    @Test
    void forgetArchivesAndRestoreBringsBack() {
        String scope = freshScope("archive");
        String id = remember(scope, "The wifi password is on the fridge.", "2024-06-01T00:00:00Z", "s");
        assertTrue(ok(FORGET, vars("id", id)).getBoolean("data.forget"));
        assertEquals("ARCHIVED", memory(id).get("status"));
        assertFalse(recallIds("wifi password", scope, null, false).contains(id));
        assertTrue(timeline(scope, null).isEmpty());
        assertFalse(ok(FORGET, vars("id", id)).getBoolean("data.forget"), "already archived: nothing changed");

        assertEquals("READY", ok(RESTORE, vars("id", id)).getString("data.restore.status"));
        assertTrue(recallIds("wifi password", scope, null, false).contains(id));
        assertEquals(1, timeline(scope, null).size());
        assertEquals(List.of("status", "status"), revisions(id).stream().map(r -> r.get("field")).toList());
        assertTrue(error(FORGET, vars("id", "no-such-memory")).contains("no memory no-such-memory"));
        assertTrue(error(RESTORE, vars("id", "no-such-memory")).contains("no memory no-such-memory"));
    }

    @Test
    void restoringAMemoryTheAgentNeverProcessedHandsItToTheAgent() {
        String scope = freshScope("archive-pending");
        String hike = remember(scope, "Caroline: We hiked to the glacier lake near Banff last weekend.",
                "2024-06-01T10:00:00Z", "s");
        String id = remember(scope, "Caroline: The glacier lake near Banff was turquoise after our hike.",
                "2024-06-01T10:05:00Z", "s");
        graph.write(tx -> tx.run("test/unprocess", Map.of("id", id))); // the agent's step failed on it
        assertEquals("PENDING", AgentApiTest.memory(id).get("status"));
        assertTrue(AgentApiTest.links(id).isEmpty());
        assertTrue(ok(FORGET, vars("id", id)).getBoolean("data.forget"));

        assertEquals("READY", ok(RESTORE, vars("id", id)).getString("data.restore.status"),
                "back to PENDING, and processed by the agent before the answer");
        Map<String, Object> m = AgentApiTest.memory(id);
        assertFalse(((List<?>) m.get("keywords")).isEmpty(), "the agent gave it keywords: " + m);
        assertTrue(AgentApiTest.links(id).stream().anyMatch(l -> hike.equals(((Map<?, ?>) l.get("memory")).get("id"))),
                "and linked it to the hike it tells of again: " + m);
        List<String> statuses = AgentApiTest.revisions(id).stream().filter(r -> "status".equals(r.get("field")))
                .map(r -> r.get("before") + ">" + r.get("after")).sorted().toList();
        // the clock stands still here, so the two revisions' order is not asserted
        assertEquals(List.of("ARCHIVED>PENDING", "PENDING>ARCHIVED"), statuses);
    }

    @Test
    void aHardForgetLeavesNoTraceOfTheContentAnywhereInTheGraph() {
        String scope = freshScope("erase");
        String secret = "zqx" + Long.toHexString(new Random().nextLong());
        String before = remember(scope, "We met at the station.", "2024-05-01T10:00:00Z", "day");
        String older = remember(scope, "The locker code was 1111.", "2024-05-01T09:00:00Z", null);
        String id = ok(REMEMBER, vars("i", vars("content", "The locker code is " + secret + " and only Sam knows it.",
                "scope", scope, "sessionId", "day", "occurredAt", "2024-05-01T11:00:00Z",
                "keywords", List.of(secret + "-keyword", "locker"), "tags", List.of(secret + "-tag"),
                "metadata", List.of(vars("key", "note", "value", secret + " metadata")))))
                .getString("data.remember.id");
        String after = remember(scope, "We took the train home.", "2024-05-01T12:00:00Z", "day");
        // another memory keeps the keyword "locker" alive
        ok(REMEMBER, vars("i", vars("content", "Another locker note.", "scope", scope, "keywords", List.of("locker"))));
        ok(SUPERSEDE, vars("o", older, "n", id, "r", "the code changed to " + secret));
        recallIds("locker code " + secret, scope, null, false); // reinforced, so its counters are set too
        assertFalse(graph.query("test/traces", Map.of("text", secret)).isEmpty(), "the test looks in the right place");
        long counted = (Long) graph.query("test/scope_counter", Map.of("scope", scope)).get(0).get("memories");
        assertTrue(embeddings.holds(id), "the agent's embedding cache holds the new memory");

        assertTrue(ok(FORGET, vars("id", id, "hard", true)).getBoolean("data.forget"));

        assertFalse(embeddings.holds(id), "nor does the process: the cached embedding is evicted");

        assertEquals(List.of(), graph.query("test/traces", Map.of("text", secret)), "no node or edge keeps it");
        assertNull(ok("query($id: ID!) { memory(id: $id) { id } }", vars("id", id)).get("data.memory"));
        assertFalse(recallIds("locker code", scope, null, false).contains(id));
        // the session's chain is mended around the gap
        assertChain(List.of(before, after), timeline(scope, "day"));
        assertEquals(counted - 1, graph.query("test/scope_counter", Map.of("scope", scope)).get(0).get("memories"));
        List<Object> labels = graph.query("test/labels", Map.of("scope", scope)).stream().map(r -> r.get("name")).toList();
        assertTrue(labels.contains("locker"), "a keyword another memory has stays: " + labels);
        assertTrue(labels.stream().noneMatch(l -> String.valueOf(l).contains(secret)),
                "keywords and tags no other memory has are gone: " + labels);
        // what it superseded is true again
        assertNull(memory(older).get("validTo"));
        assertTrue(recallIds("locker code", scope, null, false).contains(older));
        assertEquals(2, ok("query($s: String) { sessions(scope: $s) { memoryCount } }", vars("s", scope))
                .getInt("data.sessions[0].memoryCount"));
        assertTrue(error(FORGET, vars("id", id, "hard", true)).contains("no memory"));
    }

    @Test
    void erasingTheOnlyMemoryOfASessionRemovesTheSessionAndMendsTheSessionChain() {
        String scope = freshScope("erase-session");
        remember(scope, "Monday stand-up.", "2024-05-06T09:00:00Z", "mon");
        String tue = remember(scope, "Tuesday stand-up.", "2024-05-07T09:00:00Z", "tue");
        remember(scope, "Wednesday stand-up.", "2024-05-08T09:00:00Z", "wed");
        assertTrue(ok(FORGET, vars("id", tue, "hard", true)).getBoolean("data.forget"));
        List<Map<String, Object>> sessions = ok("query($s: String) { sessions(scope: $s) { id } }", vars("s", scope))
                .getList("data.sessions");
        assertEquals(List.of("mon", "wed"), sessions.stream().map(s -> s.get("id")).toList());
        assertEquals(1L, graph.query("test/session_links", Map.of("scope", scope)).get(0).get("links"));
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> revisions(String id) {
        return graph.query("test/revisions", Map.of("id", id)).stream()
                .map(r -> (Map<String, Object>) r.get("revision")).toList();
    }

}
