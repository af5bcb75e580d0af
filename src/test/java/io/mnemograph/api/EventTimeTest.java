package io.mnemograph.api;

import io.mnemograph.graph.GraphStore;
import io.mnemograph.remember.MentionBackfill;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mnemograph.api.GraphQL.freshScope;
import static io.mnemograph.api.GraphQL.ok;
import static io.mnemograph.api.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Event time inside the text, as a user sees it through GraphQL: a memory shows the times its content talks about,
 * a question's time words find it by them, and a timeline can follow them.
 */
@QuarkusTest
class EventTimeTest {

    static final String REMEMBER = """
            mutation($i: MemoryInput!) { remember(input: $i) { id context mentions { text from to } } }""";
    static final String MEMORY = "query($id: ID!) { memory(id: $id) { id context mentions { text from to } } }";
    static final String RECALL = """
            query($q: String!, $s: String) { recall(query: $q, scope: $s, limit: 10) { reasons memory { id } } }""";
    static final String TIMELINE = """
            query($s: String, $o: TimelineOrder) { timeline(scope: $s, orderBy: $o) { id } }""";

    final FakeClock clock = new FakeClock("2023-06-01T12:00:00Z");

    @Inject
    GraphStore graph;
    @Inject
    MentionBackfill backfill;

    @BeforeEach
    void installClock() {
        QuarkusMock.installMockForType(clock, InstantSource.class);
    }

    static Map<String, Object> remember(String scope, String content, String occurredAt) {
        return ok(REMEMBER, vars("i", vars("content", content, "scope", scope, "occurredAt", occurredAt)))
                .getMap("data.remember");
    }

    static Map<String, Object> span(String text, String from, String to) {
        return Map.of("text", text, "from", from, "to", to);
    }

    @Test
    void aMemoryShowsTheTimesItsContentTalksAboutInItsFieldsAndItsNote() {
        String scope = freshScope("event");
        // said on a Wednesday: "last weekend" was Saturday 6 and Sunday 7 May
        Map<String, Object> m = remember(scope, "We went camping at the lake last weekend.", "2023-05-10T09:00:00Z");
        assertEquals(List.of(span("last weekend", "2023-05-06T00:00:00Z", "2023-05-08T00:00:00Z")), m.get("mentions"));
        assertTrue(((String) m.get("context")).endsWith("(event: last weekend = 2023-05-06..2023-05-07)"),
                (String) m.get("context"));

        Map<String, Object> plans = remember(scope, "I'll visit my sister on Friday, and we fly to Oslo next month.",
                "2023-05-10T09:00:00Z");
        assertEquals(List.of(span("Friday", "2023-05-12T00:00:00Z", "2023-05-13T00:00:00Z"),
                span("next month", "2023-06-01T00:00:00Z", "2023-07-01T00:00:00Z")), plans.get("mentions"));

        Map<String, Object> none = remember(scope, "Last but not least, it was the second time we tried.",
                "2023-05-10T09:00:00Z");
        assertEquals(List.of(), none.get("mentions"));
        assertEquals(m.get("mentions"), ok(MEMORY, vars("id", m.get("id"))).getList("data.memory.mentions"));
    }

    @Test
    void aQuestionsTimeWordsFindAMemoryByWhenItsEventHappenedAndSayWhichTimeMatched() {
        String scope = freshScope("event-recall");
        String camping = (String) remember(scope, "We went camping at the lake last weekend.", "2023-05-10T09:00:00Z")
                .get("id");
        String tent = (String) remember(scope, "I bought a new tent for camping at the lake.", "2023-05-06T15:00:00Z")
                .get("id");
        String april = (String) remember(scope, "We went camping at the lake, it rained.", "2023-04-02T09:00:00Z")
                .get("id");

        List<Map<String, Object>> found = ok(RECALL, vars("q", "Where did we go camping on 6 May 2023?", "s", scope))
                .getList("data.recall");
        Map<String, List<String>> reasons = new java.util.HashMap<>();
        List<String> order = new java.util.ArrayList<>();
        for (Map<String, Object> r : found) {
            @SuppressWarnings("unchecked")
            String id = (String) ((Map<String, Object>) r.get("memory")).get("id");
            order.add(id);
            @SuppressWarnings("unchecked")
            List<String> why = ((List<String>) r.get("reasons")).stream().filter(x -> x.startsWith("time:")).toList();
            reasons.put(id, why);
        }
        assertEquals(List.of("time: mentions 'last weekend' (2023-05-06..2023-05-07) within 2023-05-06"),
                reasons.get(camping), found.toString());
        assertEquals(List.of("time: said within 2023-05-06"), reasons.get(tent), found.toString());
        assertEquals(List.of(), reasons.get(april), found.toString());
        assertTrue(order.indexOf(camping) < order.indexOf(april), "said later, but about that day: " + order);
    }

    @Test
    void aTimelineCanFollowWhenEventsHappenedInsteadOfWhenTheyWereSaid() {
        String scope = freshScope("event-timeline");
        String camping = (String) remember(scope, "We went camping at the lake last weekend.", "2023-05-10T09:00:00Z")
                .get("id");
        String reading = (String) remember(scope, "Today I am reading a novel.", "2023-05-08T09:00:00Z").get("id");
        String quiet = (String) remember(scope, "Nothing much happened.", "2023-05-09T09:00:00Z").get("id");

        List<String> said = ok(TIMELINE, vars("s", scope)).getList("data.timeline.id");
        assertEquals(List.of(reading, quiet, camping), said, "by default, in the order they were said");
        assertEquals(said, ok(TIMELINE, vars("s", scope, "o", "SAID")).getList("data.timeline.id"));
        assertEquals(List.of(camping, reading, quiet), ok(TIMELINE, vars("s", scope, "o", "EVENT"))
                .getList("data.timeline.id"));
    }

    @Test
    void importAndTheStartUpBackfillReadTheTimesOfMemoriesStoredWithout() {
        String scope = freshScope("event-import");
        String id = UUID.randomUUID().toString();
        String stream = "{\"type\":\"header\",\"format\":\"mnemograph-export\",\"version\":1}\n"
                + new JsonObject().put("type", "memory").put("id", id).put("scope", scope)
                .put("content", "We adopted a kitten last Friday.").put("occurredAt", "2023-05-10T09:00:00Z")
                .put("status", "READY").encode() + "\n";
        var answer = Transfers.importStream(null, stream);
        assertEquals(200, answer.statusCode(), answer.asString());
        List<Object> expected = List.of(span("last Friday", "2023-05-05T00:00:00Z", "2023-05-06T00:00:00Z"));
        assertEquals(expected, ok(MEMORY, vars("id", id)).getList("data.memory.mentions"));

        // a memory stored before event times were read has none, until the backfill at start reads them
        graph.update("test/unread_mentions", Map.of("id", id));
        assertEquals(List.of(), ok(MEMORY, vars("id", id)).getList("data.memory.mentions"));
        assertTrue(backfill.run() >= 1);
        assertEquals(expected, ok(MEMORY, vars("id", id)).getList("data.memory.mentions"));
        assertEquals(0, backfill.run(), "once done, later starts skip it");
    }
}
