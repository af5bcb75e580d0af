package io.mnemograph.api;

import io.mnemograph.graph.GraphProvider;
import io.mnemograph.graph.GraphStore;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.mnemograph.api.Bearer.call;
import static io.mnemograph.api.Bearer.error;
import static io.mnemograph.api.Bearer.ok;
import static io.mnemograph.api.GraphQL.freshScope;
import static io.mnemograph.api.GraphQL.vars;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Security on (an admin key configured): bearer keys, scope grants on every operation of the served schema, revocation,
 * and the abuse limits, all through real HTTP and a real WebSocket.
 */
@QuarkusTest
@TestProfile(SecurityProfileTest.Secured.class)
class SecurityProfileTest {

    static final String ADMIN = "test-admin-key-" + "x".repeat(32);
    static final String SECRET_A = "The vault code of scope A is 7391, in the red notebook.";
    static final String BOLT_PASSWORD = "bolt-test-password";

    public static class Secured implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mnemograph.security.admin-key", ADMIN,
                    "mnemograph.limits.max-memories-per-request", "60",
                    "quarkus.http.limits.max-body-size", "2M",
                    "mnemograph.neo4j.bolt-password", BOLT_PASSWORD,
                    "mnemograph.neo4j.bolt-address", "localhost:" + freePort());
        }

        private static int freePort() {
            try (var socket = new java.net.ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @TestHTTPResource("/graphql")
    URI graphql;
    @TestHTTPResource("/")
    URI base;
    @Inject
    Vertx vertx;
    @Inject
    GraphStore store;
    @Inject
    GraphProvider graph;

    static final String REMEMBER = "mutation($i: MemoryInput!) { remember(input: $i) { id scope } }";
    static final String CREATE_KEY = """
            mutation($n: String!, $s: [String!]!, $p: [Permission!]!) {
              createApiKey(input: {name: $n, scopes: $s, permissions: $p}) {
                secret apiKey { id name scopes permissions createdAt lastUsedAt revoked } } }""";

    /** Two scopes, a key for each, and memories of scope A that B must never reach. */
    record World(String a, String b, String prefix, String keyA, String keyAId, String keyB, String keyRO,
                 String a1, String a2, String a3, String b1, String revisionA) {
    }

    private static World world;

    synchronized World world() {
        if (world != null) {
            return world;
        }
        String a = freshScope("sec-a");
        String b = freshScope("sec-b");
        String prefix = freshScope("team");
        JsonPath ka = ok(ADMIN, CREATE_KEY, vars("n", "a-rwf", "s", List.of(a), "p", List.of("READ", "WRITE", "FORGET")));
        JsonPath kb = ok(ADMIN, CREATE_KEY, vars("n", "b-rwf", "s", List.of(b, prefix + ":*"),
                "p", List.of("READ", "WRITE", "FORGET")));
        JsonPath kr = ok(ADMIN, CREATE_KEY, vars("n", "a-ro", "s", List.of(a), "p", List.of("READ")));
        String keyA = ka.getString("data.createApiKey.secret");
        String keyB = kb.getString("data.createApiKey.secret");
        // The trip memories make the heuristic agent link them and evolve a neighbour: a revision to revert.
        List<String> texts = new ArrayList<>(List.of(SECRET_A));
        List<String> order = List.of(AgentApiTest.TRIP.get(0), AgentApiTest.POTTERY.get(0), AgentApiTest.TRIP.get(1),
                AgentApiTest.POTTERY.get(1), AgentApiTest.TRIP.get(2), AgentApiTest.TRIP.get(3));
        texts.addAll(order);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            ids.add(ok(keyA, REMEMBER, vars("i", vars("content", texts.get(i), "scope", a, "sessionId", "s1",
                    "occurredAt", "2024-05-0" + (i + 1) + "T10:00:00Z"))).getString("data.remember.id"));
        }
        String b1 = ok(keyB, REMEMBER, vars("i", vars("content", "Bob keeps his bike next to the red toolbox.",
                "scope", b, "sessionId", "s1"))).getString("data.remember.id");
        String revision = null;
        for (String id : ids) {
            List<String> revs = ok(keyA, "query($id: ID!) { memory(id: $id) { revisions { id field } } }",
                    vars("id", id)).getList("data.memory.revisions.findAll { it.field != 'status' }.id");
            if (!revs.isEmpty()) {
                revision = revs.get(0);
            }
        }
        assertNotNull(revision, "the agent evolved no memory of scope A: nothing to revert");
        // Edges written by hand (Browser, cypher-shell) may join scopes; no traversal may follow them out of the grants.
        store.schema("MATCH (x:Memory {id: '" + ids.get(0) + "'}), (y:Memory {id: '" + b1 + "'}) "
                + "CREATE (x)-[:LINKED {reason: 'by hand', strength: 1.0, by: 'caller'}]->(y), "
                + "(y)-[:SUPERSEDES]->(x), (x)-[:NEXT]->(y)");
        world = new World(a, b, prefix, keyA, ka.getString("data.createApiKey.apiKey.id"), keyB,
                kr.getString("data.createApiKey.secret"), ids.get(0), ids.get(1), ids.get(2), b1, revision);
        return world;
    }

    @Test
    void requestsWithoutAValidKeyAreRefused401() {
        World w = world();
        given().contentType("application/json").body(Map.of("query", "{ __typename }"))
                .when().post("/graphql").then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer realm=\"mnemograph\""));
        for (String key : List.of("wrong-" + "x".repeat(40), "mg_" + "0".repeat(32) + "_" + "A".repeat(43),
                w.keyA().substring(0, w.keyA().length() - 1) + (w.keyA().endsWith("Z") ? "Y" : "Z"), ADMIN + "x")) {
            assertEquals(401, call(key, "{ __typename }", null).status(), key);
        }
        given().contentType("application/json").header("Authorization", "Basic YTpi").body(Map.of("query", "{ __typename }"))
                .when().post("/graphql").then().statusCode(401);
        given().when().get("/graphql/schema.graphql").then().statusCode(401);
        // what tells nothing about memories stays open: health for probes
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    /**
     * MCP takes the same keys: none is refused 401, and every tool (read from tools/list: a new tool without a row
     * fails) keeps key B out of scope A, while A's own key works.
     */
    @Test
    void mcpToolsKeepScopesApartLikeGraphQL() {
        World w = world();
        assertEquals(401, given().contentType("application/json").accept("application/json, text/event-stream")
                .body(Map.of("jsonrpc", "2.0", "id", 1, "method", "initialize", "params", Map.of()))
                .when().post("/mcp").then().extract().statusCode());
        Map<String, Map<String, Object>> denied = new LinkedHashMap<>();
        denied.put("recall", Map.of("query", "vault code", "scope", w.a()));
        denied.put("timeline", Map.of("scope", w.a()));
        denied.put("sessions", Map.of("scope", w.a()));
        denied.put("memory", Map.of("id", w.a1()));
        denied.put("remember", Map.of("content", "intruder 55507", "scope", w.a()));
        denied.put("forget", Map.of("id", w.a1(), "hard", true));
        denied.put("restore", Map.of("id", w.a1()));
        denied.put("supersede", Map.of("oldId", w.a1(), "newId", w.a2()));
        Map<String, Object> before = snapshot(w);
        try (var b = new io.mnemograph.api.mcp.Mcp(base, w.keyB()); var a = new io.mnemograph.api.mcp.Mcp(base, w.keyA())) {
            Set<String> tools = new TreeSet<>(b.tools().tools().stream().map(t -> t.name()).toList());
            assertEquals(tools, new TreeSet<>(denied.keySet()), "MCP tools without a row in this test");
            for (var e : denied.entrySet()) {
                var r = b.call(e.getKey(), e.getValue());
                String text = io.mnemograph.api.mcp.Mcp.text(r);
                assertEquals(Boolean.TRUE, r.isError(), e.getKey() + ": " + text);
                assertFalse(text.contains("7391") || text.contains("Exception"), text);
            }
            assertTrue(io.mnemograph.api.mcp.Mcp.text(a.call("recall", Map.of("query", "vault code red notebook")))
                    .contains("7391"), "key A recalls its own scope through MCP");
        }
        assertEquals(before, snapshot(w), "a refused MCP call changed scope A");
    }

    /** Bolt bypasses the keys: with security on it asks for Neo4j's login (the Browser then shows its login form). */
    @Test
    void embeddedBoltRequiresTheConfiguredLogin() {
        String bolt = "bolt://" + graph.embeddedBoltAddress().orElseThrow(() -> new AssertionError("Bolt is closed"));
        try (var driver = org.neo4j.driver.GraphDatabase.driver(bolt, org.neo4j.driver.AuthTokens.basic("neo4j", BOLT_PASSWORD));
             var session = driver.session()) {
            assertEquals(1L, session.run("RETURN 1 AS one").single().get("one").asLong());
        }
        for (var auth : List.of(org.neo4j.driver.AuthTokens.none(), org.neo4j.driver.AuthTokens.basic("neo4j", "wrong-password"))) {
            try (var driver = org.neo4j.driver.GraphDatabase.driver(bolt, auth); var session = driver.session()) {
                var e = org.junit.jupiter.api.Assertions.assertThrows(org.neo4j.driver.exceptions.ClientException.class,
                        () -> session.run("MATCH (m:Memory) RETURN m.content LIMIT 1").consume());
                assertTrue(e instanceof org.neo4j.driver.exceptions.AuthenticationException
                        || e.getMessage().toLowerCase().contains("auth"), e.toString());
            }
        }
    }

    @Test
    void keysAreManagedByTheAdminAndShowNoSecret() {
        World w = world();
        List<Map<String, Object>> keys = ok(ADMIN, "{ apiKeys { id name scopes permissions createdAt lastUsedAt revoked } }",
                null).getList("data.apiKeys");
        Map<String, Object> a = keys.stream().filter(k -> w.keyAId().equals(k.get("id"))).findFirst().orElseThrow();
        assertEquals(List.of(w.a()), a.get("scopes"));
        assertEquals(List.of("READ", "WRITE", "FORGET"), a.get("permissions"));
        assertNotNull(a.get("lastUsedAt"), "the key was used to remember");
        String all = ok(ADMIN, "{ apiKeys { id name scopes permissions } }", null).prettify();
        assertFalse(all.contains(w.keyA()) || all.contains(w.keyB()) || all.contains(ADMIN));
        // a key with ADMIN over a prefix manages keys within it, and nothing else
        String delegate = ok(ADMIN, CREATE_KEY, vars("n", "team-admin", "s", List.of(w.prefix() + ":*"),
                "p", List.of("ADMIN"))).getString("data.createApiKey.secret");
        ok(delegate, CREATE_KEY, vars("n", "team-eng", "s", List.of(w.prefix() + ":eng"), "p", List.of("READ")));
        assertTrue(error(delegate, CREATE_KEY, vars("n", "escape", "s", List.of(w.a()), "p", List.of("READ")))
                .contains("may not create keys"));
        assertTrue(error(delegate, CREATE_KEY, vars("n", "wide", "s", List.of("*"), "p", List.of("READ")))
                .contains("may not create keys"));
        List<String> visible = ok(delegate, "{ apiKeys { name } }", null).getList("data.apiKeys.name");
        assertEquals(List.of("team-admin", "team-eng"), visible);
        assertTrue(error(delegate, "mutation($id: ID!) { revokeApiKey(id: $id) }", vars("id", w.keyAId()))
                .contains("no API key"));
        // bad grants are clear errors that create nothing
        int before = ok(ADMIN, "{ apiKeys { id } }", null).getList("data.apiKeys").size();
        assertTrue(error(ADMIN, CREATE_KEY, vars("n", "bad", "s", List.of("a b"), "p", List.of("READ"))).contains("not valid"));
        assertTrue(error(ADMIN, CREATE_KEY, vars("n", "none", "s", List.of(), "p", List.of("READ"))).contains("at least one scope"));
        assertTrue(error(ADMIN, CREATE_KEY, vars("n", "noperm", "s", List.of("x"), "p", List.of())).contains("permission"));
        assertEquals(before, ok(ADMIN, "{ apiKeys { id } }", null).getList("data.apiKeys").size());
    }

    @Test
    void aRevokedKeyIsRefusedOnItsNextRequest() {
        World w = world();
        JsonPath k = ok(ADMIN, CREATE_KEY, vars("n", "short-lived", "s", List.of(w.a()), "p", List.of("READ")));
        String secret = k.getString("data.createApiKey.secret");
        ok(secret, "query($s: String) { recall(query: \"vault\", scope: $s) { score } }", vars("s", w.a()));
        assertEquals(Boolean.TRUE, ok(ADMIN, "mutation($id: ID!) { revokeApiKey(id: $id) }",
                vars("id", k.getString("data.createApiKey.apiKey.id"))).get("data.revokeApiKey"));
        assertEquals(401, call(secret, "query($s: String) { recall(query: \"vault\", scope: $s) { score } }",
                vars("s", w.a())).status());
        assertEquals(Boolean.FALSE, ok(ADMIN, "mutation($id: ID!) { revokeApiKey(id: $id) }",
                vars("id", k.getString("data.createApiKey.apiKey.id"))).get("data.revokeApiKey"));
    }

    /**
     * The isolation matrix. Its operations are read from the served schema: an operation added without a row here
     * fails this test. Each row checks that key B, granted other scopes, cannot reach scope A's memories through it
     * (and that a read-only key cannot write), then that A's own key can (so that a refusal is not an outage).
     */
    @Test
    void noOperationOfTheSchemaReachesAnotherScope() throws Exception {
        World w = world();
        Map<String, Row> matrix = matrix(w);
        Set<String> served = servedOperations();
        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(matrix.keySet());
        assertEquals(Set.of(), missing, "operations of the schema without a row in the isolation matrix");
        Set<String> stale = new TreeSet<>(matrix.keySet());
        stale.removeAll(served);
        assertEquals(Set.of(), stale, "rows for operations the schema no longer has");
        Map<String, Object> before = snapshot(w);
        for (String op : served) {
            matrix.get(op).denied().run();
        }
        assertEquals(before, snapshot(w), "a refused operation changed scope A");
        for (String op : served) {
            matrix.get(op).allowed().run();
        }
    }

    interface Check {
        void run() throws Exception;
    }

    record Row(Check denied, Check allowed) {
    }

    private Map<String, Row> matrix(World w) {
        Map<String, Row> m = new LinkedHashMap<>();
        String B = w.keyB();
        String A = w.keyA();
        m.put("recall", new Row(() -> {
            assertDenied(B, "query($s: String) { recall(query: \"vault code red notebook\", scope: $s) { memory { id content } } }",
                    vars("s", w.a()));
            // a key granted several scopes must name one
            assertTrue(error(B, "{ recall(query: \"vault\") { score } }", null).contains("name a scope"));
            List<String> own = ok(B, "query($s: String) { recall(query: \"red notebook vault\", scope: $s) { memory { scope } } }",
                    vars("s", w.b())).getList("data.recall.memory.scope");
            assertTrue(own.stream().allMatch(w.b()::equals), own.toString());
        }, () -> {
            assertEquals(w.a1(), ok(A, "{ recall(query: \"vault code red notebook\") { memory { id } } }", null)
                    .getString("data.recall[0].memory.id"), "a key with one scope recalls there without naming it");
            assertEquals(w.a1(), ok(w.keyRO(), "query($s: String) { recall(query: \"vault code\", scope: $s) { memory { id } } }",
                    vars("s", w.a())).getString("data.recall[0].memory.id"));
        }));
        m.put("memory", new Row(() -> {
            assertNull(ok(B, "query($id: ID!) { memory(id: $id) { id content } }", vars("id", w.a1())).get("data.memory"));
        }, () -> {
            JsonPath p = ok(A, "query($id: ID!) { memory(id: $id) { content links { memory { id } } supersededBy { id } "
                    + "supersedes { id } next { id } previous { id } } }", vars("id", w.a1()));
            assertEquals(SECRET_A, p.getString("data.memory.content"));
            // the hand-made edges into scope B are not followed
            assertFalse(p.prettify().contains(w.b1()), p.prettify());
            assertNull(p.get("data.memory.supersededBy"));
            JsonPath other = ok(B, "query($id: ID!) { memory(id: $id) { links { memory { id } } supersedes { id } previous { id } } }",
                    vars("id", w.b1()));
            assertFalse(other.prettify().contains(w.a1()), other.prettify());
        }));
        m.put("neighbors", new Row(() -> assertDenied(B, "query($id: ID!) { neighbors(id: $id, depth: 2) { id content } }",
                vars("id", w.a1())), () -> {
            List<String> ids = ok(A, "query($id: ID!) { neighbors(id: $id, depth: 3) { id } }", vars("id", w.a2()))
                    .getList("data.neighbors.id");
            assertFalse(ids.contains(w.b1()), ids.toString());
        }));
        m.put("timeline", new Row(() -> assertDenied(B, "query($s: String) { timeline(scope: $s) { id content } }",
                vars("s", w.a())), () -> assertTrue(ok(A, "{ timeline { id } }", null)
                .getList("data.timeline.id").contains(w.a1()))));
        m.put("sessions", new Row(() -> assertDenied(B, "query($s: String) { sessions(scope: $s) { id memoryCount } }",
                vars("s", w.a())), () -> assertEquals(List.of("s1"), ok(A, "query($s: String) { sessions(scope: $s) { id } }",
                vars("s", w.a())).getList("data.sessions.id"))));
        m.put("happenedBefore", new Row(() -> assertDenied(B, "query($x: ID!, $y: ID!) { happenedBefore(a: $x, b: $y) }",
                vars("x", w.a1(), "y", w.a2())), () -> assertEquals(Boolean.TRUE,
                ok(w.keyRO(), "query($x: ID!, $y: ID!) { happenedBefore(a: $x, b: $y) }", vars("x", w.a1(), "y", w.a2()))
                        .get("data.happenedBefore"))));
        m.put("apiKeys", new Row(() -> assertDenied(A, "{ apiKeys { id } }", null),
                () -> assertFalse(ok(ADMIN, "{ apiKeys { id } }", null).getList("data.apiKeys").isEmpty())));
        m.put("createApiKey", new Row(() -> assertDenied(A, CREATE_KEY, vars("n", "sneaky", "s", List.of("*"), "p", List.of("ADMIN"))),
                () -> assertNotNull(ok(ADMIN, CREATE_KEY, vars("n", "fine", "s", List.of(w.b()), "p", List.of("READ")))
                        .getString("data.createApiKey.secret"))));
        m.put("revokeApiKey", new Row(() -> assertDenied(B, "mutation($id: ID!) { revokeApiKey(id: $id) }", vars("id", w.keyAId())),
                () -> {
                    String id = ok(ADMIN, CREATE_KEY, vars("n", "to-revoke", "s", List.of(w.b()), "p", List.of("READ")))
                            .getString("data.createApiKey.apiKey.id");
                    assertEquals(Boolean.TRUE, ok(ADMIN, "mutation($id: ID!) { revokeApiKey(id: $id) }", vars("id", id))
                            .get("data.revokeApiKey"));
                }));
        m.put("remember", new Row(() -> {
            assertDenied(B, REMEMBER, vars("i", vars("content", "intruder 55501", "scope", w.a())));
            assertDenied(w.keyRO(), REMEMBER, vars("i", vars("content", "intruder 55502", "scope", w.a())));
            assertDenied(A, REMEMBER, vars("i", vars("content", "intruder 55503", "scope", w.b())));
            // team-x:* grants team-x:eng, not team-xy
            assertDenied(B, REMEMBER, vars("i", vars("content", "intruder 55504", "scope", w.prefix() + "y")));
            assertEquals(w.prefix() + ":eng", ok(B, REMEMBER, vars("i", vars("content", "Team ships on Fridays.",
                    "scope", w.prefix() + ":eng"))).getString("data.remember.scope"));
        }, () -> assertEquals(w.a(), ok(A, REMEMBER, vars("i", vars("content", "Alice buys a new notebook."))).getString(
                "data.remember.scope"), "a key with one scope remembers there without naming it")));
        m.put("rememberAll", new Row(() -> {
            String message = error(A, "mutation($i: [MemoryInput!]!) { rememberAll(inputs: $i) { id } }", vars("i", List.of(
                    vars("content", "ok in a 55505", "scope", w.a()), vars("content", "intruder 55506", "scope", w.b()))));
            assertTrue(message.startsWith("inputs[1]"), message);
        }, () -> assertEquals(2, ok(A, "mutation($i: [MemoryInput!]!) { rememberAll(inputs: $i) { id } }", vars("i", List.of(
                vars("content", "Alice labels the notebook.", "scope", w.a()), vars("content", "Alice files it.", "scope", w.a()))))
                .getList("data.rememberAll").size())));
        m.put("link", new Row(() -> {
            assertDenied(B, "mutation($x: ID!, $y: ID!) { link(from: $x, to: $y, reason: \"x\") { strength } }",
                    vars("x", w.b1(), "y", w.a1()));
            assertDenied(B, "mutation($x: ID!, $y: ID!) { link(from: $x, to: $y, reason: \"x\") { strength } }",
                    vars("x", w.a1(), "y", w.a2()));
            assertDenied(w.keyRO(), "mutation($x: ID!, $y: ID!) { link(from: $x, to: $y, reason: \"x\") { strength } }",
                    vars("x", w.a1(), "y", w.a2()));
        }, () -> assertEquals("caller", ok(A, "mutation($x: ID!, $y: ID!) { link(from: $x, to: $y, reason: \"same notebook\") { by } }",
                vars("x", w.a1(), "y", w.a3())).getString("data.link.by"))));
        m.put("unlink", new Row(() -> {
            assertEquals(Boolean.FALSE, ok(B, "mutation($x: ID!, $y: ID!) { unlink(from: $x, to: $y) }",
                    vars("x", w.a1(), "y", w.a3())).get("data.unlink"));
            assertDenied(B, "mutation($x: ID!, $y: ID!) { unlink(from: $x, to: $y) }", vars("x", w.b1(), "y", w.a1()));
        }, () -> assertEquals(Boolean.TRUE, ok(A, "mutation($x: ID!, $y: ID!) { unlink(from: $x, to: $y) }",
                vars("x", w.a1(), "y", w.a3())).get("data.unlink"))));
        m.put("supersede", new Row(() -> assertDenied(B, "mutation($x: ID!, $y: ID!) { supersede(oldId: $x, newId: $y) { id } }",
                vars("x", w.a1(), "y", w.a2())), () -> {
            String older = ok(A, REMEMBER, vars("i", vars("content", "Alice's notebook is red.", "occurredAt", "2024-06-01T10:00:00Z")))
                    .getString("data.remember.id");
            String newer = ok(A, REMEMBER, vars("i", vars("content", "Alice's notebook is blue now.", "occurredAt", "2024-06-02T10:00:00Z")))
                    .getString("data.remember.id");
            assertEquals(newer, ok(A, "mutation($x: ID!, $y: ID!) { supersede(oldId: $x, newId: $y) { id } }",
                    vars("x", older, "y", newer)).getString("data.supersede.id"));
        }));
        m.put("revert", new Row(() -> assertTrue(error(B, "mutation($r: ID!) { revert(revisionId: $r) { id content } }",
                vars("r", w.revisionA())).contains("no revision")), () -> assertNotNull(ok(A,
                "mutation($r: ID!) { revert(revisionId: $r) { id } }", vars("r", w.revisionA())).getString("data.revert.id"))));
        m.put("forget", new Row(() -> {
            assertDenied(B, "mutation($id: ID!) { forget(id: $id, hard: true) }", vars("id", w.a1()));
            assertDenied(w.keyRO(), "mutation($id: ID!) { forget(id: $id) }", vars("id", w.a1()));
        }, () -> assertEquals(Boolean.TRUE, ok(A, "mutation($id: ID!) { forget(id: $id) }", vars("id", w.a2()))
                .get("data.forget"))));
        m.put("restore", new Row(() -> assertDenied(B, "mutation($id: ID!) { restore(id: $id) { id status } }", vars("id", w.a1())),
                () -> assertEquals("READY", ok(A, "mutation($id: ID!) { restore(id: $id) { status } }", vars("id", w.a2()))
                        .getString("data.restore.status"))));
        m.put("memoryEvents", new Row(() -> {
            Subscription s = subscribe(B, w.a());
            assertNotNull(s.error(), "key B subscribed to scope A");
            s.close();
            Subscription none = subscribe(null, null);
            assertNotNull(none.error(), "a subscription without a key was accepted");
            none.close();
        }, () -> {
            Subscription all = subscribe(B, null);
            assertNull(all.error(), all.error());
            ok(A, REMEMBER, vars("i", vars("content", "Alice hides the notebook again.")));
            String own = ok(B, REMEMBER, vars("i", vars("content", "Bob oils the bike chain.", "scope", w.b())))
                    .getString("data.remember.id");
            JsonObject e = all.events().poll(30, TimeUnit.SECONDS);
            assertNotNull(e, "no event reached key B");
            assertEquals(own, e.getString("memoryId"), "key B received an event of scope A first: " + e);
            all.close();
        }));
        return m;
    }

    /** A refusal: HTTP 401/403, or a GraphQL error with no data, or null/empty/false, never scope A's content. */
    private static void assertDenied(String key, String query, Map<String, Object> variables) {
        Bearer.Answer a = call(key, query, variables);
        assertFalse(a.body().contains("7391") || a.body().contains("vault code"), () -> "content leaked: " + a.body());
        if (a.status() == 401 || a.status() == 403) {
            return;
        }
        assertEquals(200, a.status(), a.body());
        Map<String, Object> data = a.json().getMap("data");
        Object value = data == null ? null : data.values().iterator().next();
        assertTrue(a.failed() || value == null || Boolean.FALSE.equals(value)
                || (value instanceof List<?> l && l.isEmpty()), () -> "not refused: " + a.body());
    }

    /** What B must not be able to change: scope A's memories, their status, links and validity. */
    private Map<String, Object> snapshot(World w) {
        return ok(ADMIN, "query($s: String) { timeline(scope: $s, limit: 1000) { id content status validTo "
                + "links { memory { id } } } }", vars("s", w.a())).getMap("data");
    }

    private Set<String> servedOperations() {
        Set<String> ops = new TreeSet<>();
        for (String root : List.of("queryType", "mutationType", "subscriptionType")) {
            ops.addAll(ok(ADMIN, "{ __schema { " + root + " { fields { name } } } }", null)
                    .getList("data.__schema." + root + ".fields.name"));
        }
        return ops;
    }

    record Subscription(WebSocket ws, BlockingQueue<JsonObject> events, String error) {
        void close() {
            ws.close();
        }
    }

    /** memoryEvents over graphql-transport-ws, the key in connection_init's payload as browsers must send it. */
    private Subscription subscribe(String key, String scope) throws Exception {
        BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
        BlockingQueue<String> control = new LinkedBlockingQueue<>();
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(graphql.getHost())
                .setPort(graphql.getPort()).setURI(graphql.getPath()).setSubProtocols(List.of("graphql-transport-ws"));
        WebSocket ws = vertx.createHttpClient().webSocket(options).toCompletionStage().toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        ws.closeHandler(v -> control.add("closed"));
        ws.textMessageHandler(text -> {
            JsonObject m = new JsonObject(text);
            switch (m.getString("type")) {
                case "connection_ack" -> control.add("ack");
                case "next" -> {
                    JsonObject payload = m.getJsonObject("payload");
                    if (payload.getValue("errors") != null) {
                        control.add("error: " + payload.getValue("errors"));
                    } else {
                        events.add(payload.getJsonObject("data").getJsonObject("memoryEvents"));
                    }
                }
                case "error" -> control.add("error: " + m.getValue("payload"));
                default -> {
                }
            }
        });
        JsonObject init = new JsonObject().put("type", "connection_init");
        if (key != null) {
            init.put("payload", new JsonObject().put("Authorization", "Bearer " + key));
        }
        ws.writeTextMessage(init.encode());
        String first = control.poll(30, TimeUnit.SECONDS);
        if (!"ack".equals(first)) {
            return new Subscription(ws, events, String.valueOf(first));
        }
        ws.writeTextMessage(new JsonObject().put("id", "1").put("type", "subscribe").put("payload", new JsonObject()
                .put("query", "subscription($s: String) { memoryEvents(scope: $s) { kind scope memoryId } }")
                .put("variables", new JsonObject().put("s", scope))).encode());
        String answer = control.poll(2, TimeUnit.SECONDS); // an error comes at once; a subscription says nothing
        Bearer.assertClean(String.valueOf(answer));
        return new Subscription(ws, events, answer);
    }

    @Test
    void abuseIsRefusedFastAndTheServerStaysReady() {
        World w = world();
        String deep = "id";
        for (int i = 0; i < 30; i++) {
            deep = "id links { memory { " + deep + " } }";
        }
        Bearer.Answer a = call(w.keyA(), "query($id: ID!) { memory(id: $id) { " + deep + " } }", vars("id", w.a1()));
        assertTrue(a.failed() && a.json().get("data") == null, a.body());
        assertTrue(a.firstError().toLowerCase().contains("depth"), a.firstError());

        StringBuilder bomb = new StringBuilder("{ ");
        for (int i = 0; i < 300; i++) {
            bomb.append("r").append(i).append(": recall(query: \"vault ").append(i).append("\") { score } ");
        }
        a = call(w.keyA(), bomb.append("}").toString(), null);
        assertTrue(a.failed() && a.json().get("data") == null, a.body());
        assertTrue(a.firstError().toLowerCase().contains("complexity"), a.firstError());

        // within depth and complexity, a fan-out past the request's memory budget (60 in this profile)
        String fan = "timeline(limit: 50) { id links { memory { id links { memory { id links { memory { id } } } } } } }";
        a = call(w.keyA(), "{ t1: " + fan + " t2: " + fan + " t3: " + fan + " t4: " + fan + " }", null);
        assertTrue(a.failed(), a.body());
        assertTrue(a.errors().stream().anyMatch(e -> String.valueOf(e.get("message")).contains("more than 60 memories")),
                a.body());

        assertTrue(error(w.keyA(), "query($id: ID!) { neighbors(id: $id, depth: 1000) { id } }", vars("id", w.a1()))
                .contains("outside 1..3"));

        String big = "x".repeat(3 * 1024 * 1024);
        assertEquals(413, call(w.keyA(), REMEMBER, vars("i", vars("content", big))).status());
        given().when().get("/q/health/ready").then().statusCode(200);
        assertEquals(SECRET_A, ok(w.keyA(), "query($id: ID!) { memory(id: $id) { content } }", vars("id", w.a1()))
                .getString("data.memory.content"));
    }
    /**
     * A property-based fuzz of the schema's inputs, as key F of its own scope: random strings (unicode, controls, lone
     * surrogates, Lucene and JSON specials, sizes past the limits), dates valid and not, numbers at the edges, ids of
     * its own memories, of scope A and of nothing. Never a server error, never a stack trace (checked in every answer),
     * never scope A's content, and a write that answers with an error stores nothing. The seed is printed on failure.
     */
    @Test
    void fuzzedInputsNeverBreakTheServerLeakOrStoreOnError() {
        World w = world();
        long seed = Long.getLong("fuzz.seed", 20261204L);
        java.util.Random rnd = new java.util.Random(seed);
        String f = freshScope("fuzz");
        String keyF = ok(ADMIN, CREATE_KEY, vars("n", "fuzz", "s", List.of(f), "p", List.of("READ", "WRITE", "FORGET")))
                .getString("data.createApiKey.secret");
        List<String> ids = new ArrayList<>(List.of(w.a1(), w.a2(), w.b1()));
        ids.add(ok(keyF, REMEMBER, vars("i", vars("content", "A fuzzed scope's first memory.", "scope", f)))
                .getString("data.remember.id"));
        Map<String, Object> aBefore = snapshot(w);
        String[] ops = {"remember", "rememberAll", "recall", "memory", "neighbors", "timeline", "sessions",
                "happenedBefore", "link", "unlink", "supersede", "forget", "restore", "revert"};
        for (int i = 0; i < 300; i++) {
            String op = ops[rnd.nextInt(ops.length)];
            String where = "seed " + seed + ", call " + i + " (" + op + ")";
            Map<String, Object> v = new LinkedHashMap<>();
            String q = switch (op) {
                case "remember" -> {
                    v.put("i", input(rnd, f, w));
                    yield REMEMBER;
                }
                case "rememberAll" -> {
                    List<Object> inputs = new ArrayList<>();
                    for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
                        inputs.add(input(rnd, f, w));
                    }
                    v.put("i", inputs);
                    yield "mutation($i: [MemoryInput!]!) { rememberAll(inputs: $i) { id scope } }";
                }
                case "recall" -> {
                    v.put("q", text(rnd));
                    v.put("s", scope(rnd, f, w));
                    v.put("l", number(rnd));
                    v.put("st", pick(rnd, "GRAPH", "VECTOR", "FULLTEXT", "HYBRID", "NONE", ""));
                    v.put("at", date(rnd));
                    v.put("from", date(rnd));
                    v.put("min", rnd.nextBoolean() ? null : rnd.nextGaussian() * 10);
                    yield "query($q: String!, $s: String, $l: Int, $st: RecallStrategy, $at: DateTime, $from: DateTime, "
                            + "$min: Float) { recall(query: $q, scope: $s, limit: $l, strategy: $st, at: $at, from: $from, "
                            + "minScore: $min) { score reasons memory { id scope content } } }";
                }
                case "memory" -> {
                    v.put("id", id(rnd, ids));
                    yield "query($id: ID!) { memory(id: $id) { id scope content links { memory { id content } } } }";
                }
                case "neighbors" -> {
                    v.put("id", id(rnd, ids));
                    v.put("d", number(rnd));
                    yield "query($id: ID!, $d: Int) { neighbors(id: $id, depth: $d) { id content } }";
                }
                case "timeline" -> {
                    v.put("s", scope(rnd, f, w));
                    v.put("sid", rnd.nextBoolean() ? null : text(rnd));
                    v.put("from", date(rnd));
                    v.put("to", date(rnd));
                    v.put("l", number(rnd));
                    yield "query($s: String, $sid: String, $from: DateTime, $to: DateTime, $l: Int) { timeline(scope: $s, "
                            + "sessionId: $sid, from: $from, to: $to, limit: $l) { id content } }";
                }
                case "sessions" -> {
                    v.put("s", scope(rnd, f, w));
                    yield "query($s: String) { sessions(scope: $s) { id memoryCount } }";
                }
                case "happenedBefore" -> {
                    v.put("a", id(rnd, ids));
                    v.put("b", id(rnd, ids));
                    yield "query($a: ID!, $b: ID!) { happenedBefore(a: $a, b: $b) }";
                }
                case "link", "supersede" -> {
                    v.put("a", id(rnd, ids));
                    v.put("b", id(rnd, ids));
                    v.put("r", rnd.nextBoolean() ? null : text(rnd));
                    yield op.equals("link") ? "mutation($a: ID!, $b: ID!, $r: String) { link(from: $a, to: $b, reason: $r) { reason memory { id } } }"
                            : "mutation($a: ID!, $b: ID!, $r: String) { supersede(oldId: $a, newId: $b, reason: $r) { id } }";
                }
                case "unlink" -> {
                    v.put("a", id(rnd, ids));
                    v.put("b", id(rnd, ids));
                    yield "mutation($a: ID!, $b: ID!) { unlink(from: $a, to: $b) }";
                }
                case "forget" -> {
                    v.put("id", id(rnd, ids));
                    v.put("h", rnd.nextInt(4) == 0);
                    yield "mutation($id: ID!, $h: Boolean) { forget(id: $id, hard: $h) }";
                }
                case "restore" -> {
                    v.put("id", id(rnd, ids));
                    yield "mutation($id: ID!) { restore(id: $id) { id status } }";
                }
                default -> {
                    v.put("id", rnd.nextBoolean() ? w.revisionA() : id(rnd, ids));
                    yield "mutation($id: ID!) { revert(revisionId: $id) { id content } }";
                }
            };
            int before = op.startsWith("remember") ? count(f) : -1;
            Bearer.Answer a = call(keyF, q, v);
            assertTrue(a.status() < 500, () -> where + ": HTTP " + a.status() + " " + a.body());
            assertFalse(a.body().contains("7391"), () -> where + ": scope A's content leaked: " + a.body());
            if (a.status() == 200 && !a.failed() && op.startsWith("remember")) {
                if (op.equals("remember")) {
                    ids.add(a.json().getString("data.remember.id"));
                } else {
                    ids.addAll(a.json().getList("data.rememberAll.id"));
                }
            } else if (before >= 0) {
                assertEquals(before, count(f), () -> where + ": a write that failed stored something: " + a.body());
            }
        }
        given().when().get("/q/health/ready").then().statusCode(200);
        assertEquals(aBefore, snapshot(w), "the fuzz changed scope A");
    }

    private int count(String scope) {
        return ok(ADMIN, "query($s: String) { timeline(scope: $s, limit: 1000) { id } }", vars("s", scope))
                .getList("data.timeline").size();
    }

    private static Map<String, Object> input(java.util.Random rnd, String f, World w) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("content", rnd.nextInt(10) == 0 ? "y".repeat(32_700 + rnd.nextInt(200)) : text(rnd));
        in.put("scope", scope(rnd, f, w));
        if (rnd.nextBoolean()) {
            in.put("sessionId", text(rnd));
        }
        if (rnd.nextBoolean()) {
            in.put("occurredAt", date(rnd));
        }
        if (rnd.nextInt(3) == 0) {
            in.put("externalId", text(rnd));
        }
        if (rnd.nextInt(3) == 0) {
            in.put("tags", List.of(text(rnd), text(rnd)));
        }
        if (rnd.nextInt(3) == 0) {
            in.put("keywords", java.util.Collections.nCopies(rnd.nextInt(80), text(rnd)));
        }
        if (rnd.nextInt(4) == 0) {
            in.put("metadata", List.of(Map.of("key", text(rnd), "value", text(rnd))));
        }
        return in;
    }

    private static final String[] PIECES = {"a", "Z", "7", " ", "\n", "\t", "\"", "\\", "'", "{", "}", "[", "]", "(", ")",
            "*", "?", ":", "~", "^", "!", "/", "+", "-", "&&", "||", "é", "漢字", "😀", "\u202E", "\u200B", "\u0000",
            "\u0007", "\uD800", "\uFFFF", "MATCH (n) DETACH DELETE n", "') RETURN 1 //", "$ids", "${x}", "%s", "<script>",
            "null", "-1", "1e309", "2024-05-01", "last week", "vault code"};

    private static String text(java.util.Random rnd) {
        int n = rnd.nextInt(12) == 0 ? 0 : 1 + rnd.nextInt(rnd.nextInt(8) == 0 ? 400 : 12);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(PIECES[rnd.nextInt(PIECES.length)]);
        }
        return b.toString();
    }

    private static String scope(java.util.Random rnd, String f, World w) {
        return switch (rnd.nextInt(10)) {
            case 0 -> w.a();
            case 1 -> w.b();
            case 2, 3 -> text(rnd);
            case 4 -> null;
            default -> f;
        };
    }

    private static Object date(java.util.Random rnd) {
        return switch (rnd.nextInt(8)) {
            case 0 -> null;
            case 1 -> pick(rnd, "2023-13-45T00:00:00Z", "yesterday", "", "+999999999-12-31T23:59:59Z",
                    "1970-01-01T00:00:00+25:00", "0000-00-00", "2024-02-30T10:00:00Z");
            case 2 -> rnd.nextInt(); // a number where a date belongs
            default -> String.format("%04d-%02d-%02dT%02d:%02d:%02dZ", 1 + rnd.nextInt(9999), 1 + rnd.nextInt(12),
                    1 + rnd.nextInt(28), rnd.nextInt(24), rnd.nextInt(60), rnd.nextInt(60));
        };
    }

    private static Object number(java.util.Random rnd) {
        return pick(rnd, null, -1, 0, 1, 3, 10, 1000, 1001, Integer.MAX_VALUE, Integer.MIN_VALUE, "ten", 2.5);
    }

    private static String id(java.util.Random rnd, List<String> ids) {
        return switch (rnd.nextInt(6)) {
            case 0 -> java.util.UUID.randomUUID().toString();
            case 1 -> text(rnd);
            default -> ids.get(rnd.nextInt(ids.size()));
        };
    }

    @SafeVarargs
    private static <T> T pick(java.util.Random rnd, T... options) {
        return options[rnd.nextInt(options.length)];
    }
}
