package io.mnemograph.api;

import io.mnemograph.graph.GraphStore;
import io.mnemograph.metrics.Metrics;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.mnemograph.api.GraphQL.freshScope;
import static io.mnemograph.api.GraphQL.ok;
import static io.mnemograph.api.GraphQL.vars;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an operator scrapes at /q/metrics moves with what the API does. */
@QuarkusTest
class MetricsTest {

    @Inject
    Metrics metrics;
    @Inject
    GraphStore store;

    @Test
    void rememberRecallAndTheAgentShowInTheMeters() {
        String scope = freshScope("metrics");
        double remembered = value("mnemograph_remember_seconds_count\\{operation=\"rememberAll\"[^}]*}");
        double recalls = value("mnemograph_recall_seconds_count\\{strategy=\"VECTOR\"[^}]*}");
        double links = value("mnemograph_agent_links_total(\\{[^}]*})?");
        double agentSteps = value("mnemograph_agent_seconds_count(\\{[^}]*})?");

        java.util.Map<String, String> ids = AgentApiTest.tripAndPottery(scope);
        ok("mutation($i: [MemoryInput!]!) { rememberAll(inputs: $i) { id } }", vars("i", java.util.List.of(
                vars("content", "Melanie: The kiln cracked my second vase.", "scope", scope, "sessionId", "s1",
                        "occurredAt", "2024-05-09T10:00:00Z"))));
        long agentLinks = 0;
        for (String id : ids.values()) {
            agentLinks += AgentApiTest.links(id).stream().filter(l -> "heuristic".equals(l.get("by"))).count();
        }
        ok("query($s: String) { recall(query: \"hiking trip\", scope: $s, strategy: VECTOR) { score } }", vars("s", scope));
        metrics.refresh(store);

        assertEquals(remembered + 1, value("mnemograph_remember_seconds_count\\{operation=\"rememberAll\"[^}]*}"));
        assertEquals(recalls + 1, value("mnemograph_recall_seconds_count\\{strategy=\"VECTOR\"[^}]*}"));
        assertTrue(value("mnemograph_agent_seconds_count(\\{[^}]*})?") > agentSteps);
        assertTrue(agentLinks > 0, "the agent linked the trip memories");
        assertTrue(value("mnemograph_agent_links_total(\\{[^}]*})?") - links >= agentLinks / 2.0,
                "each link the agent made is counted once (links read from both ends: " + agentLinks + ")");
        assertTrue(value("mnemograph_scopes\\{memories=\"1-100\"[^}]*}") >= 1);
        assertTrue(value("mnemograph_vectors_held(\\{[^}]*})?") >= 3);
        assertTrue(value("mnemograph_vectors_bytes(\\{[^}]*})?") >= 3 * 384 * 4);
        assertEquals(0, value("mnemograph_memories_pending(\\{[^}]*})?"), "nothing waits for the agent");
    }

    private static double value(String series) {
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(m.groupCount())) : 0;
    }
}
