package io.mnemograph.api.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.mnemograph.api.GraphQL.freshScope;
import static io.mnemograph.api.GraphQL.ok;
import static io.mnemograph.api.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The MCP tools through a real MCP client over Streamable HTTP, as an agent's host calls them. */
@QuarkusTest
class McpToolsTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void listsItsToolsEachDescribedWithAnInputSchema() {
        try (Mcp mcp = new Mcp(base, null)) {
            List<McpSchema.Tool> tools = mcp.tools().tools();
            Set<String> names = tools.stream().map(McpSchema.Tool::name).collect(Collectors.toSet());
            assertTrue(names.containsAll(Set.of("remember", "recall", "timeline", "forget", "memory", "supersede",
                    "sessions", "restore")), names.toString());
            for (McpSchema.Tool t : tools) {
                assertTrue(t.description() != null && t.description().length() > 40, t.name() + ": " + t.description());
                assertEquals("object", t.inputSchema().get("type"), t.name());
            }
            McpSchema.Tool recall = tools.stream().filter(t -> t.name().equals("recall")).findFirst().orElseThrow();
            assertEquals(List.of("query"), recall.inputSchema().get("required"));
            assertTrue(((Map<?, ?>) recall.inputSchema().get("properties")).keySet()
                    .containsAll(Set.of("query", "scope", "limit", "strategy", "at", "minScore")));
        }
    }

    @Test
    void remembersRecallsTimelinesAndForgetsWithinAScope() {
        String scope = freshScope("mcp");
        try (Mcp mcp = new Mcp(base, null)) {
            McpSchema.CallToolResult stored = mcp.call("remember", Map.of("content",
                    "Alice adopted a grey cat named Turing.", "scope", scope, "sessionId", "s1",
                    "occurredAt", "2024-05-01T10:00:00Z", "tags", List.of("pets"), "externalId", "t1"));
            assertFalse(Boolean.TRUE.equals(stored.isError()), Mcp.text(stored));
            String id = (String) ((Map<?, ?>) stored.structuredContent()).get("id");
            mcp.call("remember", Map.of("content", "Bob repaired his bike on Sunday.", "scope", scope, "sessionId", "s1",
                    "occurredAt", "2024-05-02T10:00:00Z"));

            McpSchema.CallToolResult recalled = mcp.call("recall", Map.of("query", "What is the name of Alice's cat?",
                    "scope", scope, "limit", 2));
            String text = Mcp.text(recalled);
            assertTrue(text.startsWith("1. [") && text.contains("Turing") && text.contains(id), text);
            List<?> results = (List<?>) ((Map<?, ?>) recalled.structuredContent()).get("results");
            assertEquals(id, ((Map<?, ?>) results.get(0)).get("id"));
            assertFalse(((List<?>) ((Map<?, ?>) results.get(0)).get("reasons")).isEmpty());

            // the same memory through GraphQL: one store behind both doors
            assertEquals("Alice adopted a grey cat named Turing.", ok("query($id: ID!) { memory(id: $id) { content } }",
                    vars("id", id)).getString("data.memory.content"));

            String timeline = Mcp.text(mcp.call("timeline", Map.of("scope", scope)));
            assertTrue(timeline.indexOf("Turing") < timeline.indexOf("bike"), timeline);
            assertTrue(Mcp.text(mcp.call("sessions", Map.of("scope", scope))).contains("s1: 2024-05-01T10:00:00Z"));

            McpSchema.CallToolResult forgot = mcp.call("forget", Map.of("id", id));
            assertTrue(Mcp.text(forgot).startsWith("Archived"), Mcp.text(forgot));
            assertFalse(Mcp.text(mcp.call("recall", Map.of("query", "Alice's cat", "scope", scope))).contains("Turing"));
            assertTrue(Mcp.text(mcp.call("restore", Map.of("id", id))).contains("Turing"));
        }
    }

    @Test
    void badInputIsAToolErrorWithTheSameMessageAsGraphQL() {
        try (Mcp mcp = new Mcp(base, null)) {
            McpSchema.CallToolResult r = mcp.call("recall", Map.of("query", "anything", "scope", "not a scope!"));
            assertEquals(Boolean.TRUE, r.isError());
            assertTrue(Mcp.text(r).contains("scope 'not a scope!' is not valid"), Mcp.text(r));
            r = mcp.call("remember", Map.of("content", "x", "scope", freshScope("mcp"), "occurredAt", "yesterday"));
            assertEquals(Boolean.TRUE, r.isError());
            assertTrue(Mcp.text(r).contains("ISO-8601"), Mcp.text(r));
            r = mcp.call("forget", Map.of("id", "no-such-memory"));
            assertEquals(Boolean.TRUE, r.isError());
            assertEquals("no memory no-such-memory", Mcp.text(r));
            assertNotEquals(Boolean.TRUE, mcp.call("timeline", Map.of("scope", freshScope("empty"))).isError());
            assertFalse(Mcp.text(r).contains("Exception"));
        }
    }
}
