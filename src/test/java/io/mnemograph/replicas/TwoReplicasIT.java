package io.mnemograph.replicas;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas on one Neo4j (docs/architecture.md, "Replicas"): one Neo4j server, two processes of the packaged jar in
 * server mode, and everything through their HTTP GraphQL APIs as users reach them. Checks what a load balancer
 * spreading one agent's requests over both must not break: one NEXT chain per session, one keyword or tag node a
 * name, every memory processed with its links, a memory remembered through one recalled through the other at once, a
 * key revoked through one refused by the other on the next request.
 *
 * <p>Runs after {@code package} (the {@code replica-tests} execution in pom.xml), since it starts the jar.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoReplicasIT {

    private static final String ADMIN = "replicas-admin-key-" + "x".repeat(32);
    private static final String SCOPE = "replicas";
    private static final String SESSION = "conversation-1";
    private static final int PER_REPLICA = 40;
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final String REMEMBER_ALL = "mutation($in: [MemoryInput!]!) { rememberAll(inputs: $in) { id externalId status } }";
    private static final String REMEMBER = "mutation($in: MemoryInput!) { remember(input: $in) { id externalId status } }";

    private static Neo4j neo4j;
    private static Driver driver;
    private static Replica a;
    private static Replica b;
    private static Path dataDir;
    /** externalId → memory id, as the replicas answered. */
    private static final Map<String, String> ids = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        neo4j = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
        driver = GraphDatabase.driver(neo4j.boltURI(), AuthTokens.none());
        dataDir = Path.of("target", "replicas-must-stay-empty").toAbsolutePath();
        // both at once, as a deployment rolls out: each migrates the same fresh database
        a = Replica.start("a", neo4j.boltURI().toString(), ADMIN, dataDir);
        b = Replica.start("b", neo4j.boltURI().toString(), ADMIN, dataDir);
        a.awaitReady();
        b.awaitReady();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            for (Replica r : new Replica[] {a, b}) {
                if (r != null) {
                    r.close();
                }
            }
        } finally {
            if (driver != null) {
                driver.close();
            }
            if (neo4j != null) {
                neo4j.close();
            }
        }
    }

    /**
     * 80 turns of one conversation, their event times interleaved between the replicas and sent out of order, by two
     * clients per replica at once, in batches and one by one.
     */
    @Test
    @Order(1)
    void concurrentWritesIntoOneSessionThroughBothReplicas() throws Exception {
        List<List<Integer>> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            clients.add(new ArrayList<>());
        }
        for (int i = 0; i < 2 * PER_REPLICA; i++) {
            // turn i goes to replica i % 2, and to one of that replica's two clients
            clients.get(i % 2 + 2 * ((i / 2) % 2)).add(i);
        }
        Random random = new Random(15);
        clients.forEach(turns -> Collections.shuffle(turns, random));
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                Replica via = c % 2 == 0 ? a : b;
                List<Integer> turns = clients.get(c);
                done.add(pool.submit(() -> send(via, turns)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("replicas: %d memories through 2 replicas by 4 clients in %d ms%n", 2 * PER_REPLICA,
                (System.nanoTime() - t0) / 1_000_000);
        assertEquals(2 * PER_REPLICA, ids.size());
        assertEquals(2 * PER_REPLICA, new HashSet<>(ids.values()).size());
    }

    /** Sends these turns: batches of 3 through rememberAll, then one remember, in turn. */
    private static void send(Replica via, List<Integer> turns) {
        int next = 0;
        while (next < turns.size()) {
            int size = Math.min(next % 4 == 0 ? 3 : 1, turns.size() - next);
            List<Map<String, Object>> inputs = new ArrayList<>();
            for (int i : turns.subList(next, next + size)) {
                inputs.add(input(i));
            }
            JsonNode data = size == 1
                    ? via.ok(ADMIN, REMEMBER, Map.of("in", inputs.get(0))).get("remember")
                    : via.ok(ADMIN, REMEMBER_ALL, Map.of("in", inputs)).get("rememberAll");
            for (JsonNode m : data.isArray() ? data : List.of(data)) {
                ids.put(m.get("externalId").asText(), m.get("id").asText());
            }
            next += size;
        }
    }

    private static Map<String, Object> input(int i) {
        Map<String, Object> in = new HashMap<>();
        in.put("content", turn(i));
        in.put("scope", SCOPE);
        in.put("sessionId", SESSION);
        in.put("externalId", "t" + i);
        in.put("occurredAt", T0.plus(Duration.ofMinutes(i)).toString());
        return in;
    }

    /** Turn i of a conversation that keeps coming back to a few subjects, so the agent has memories to link. */
    static String turn(int i) {
        String[] speakers = {"Ada", "Ben"};
        String[][] subjects = {
                {"hiked the %s trail with my sister Mia", "Matterhorn", "Eiger", "Jungfrau", "Pilatus", "Rigi"},
                {"my grey cat Turing learned to %s", "open the fridge", "fetch a ball", "ring a bell", "sit on command", "climb the bookshelf"},
                {"baked a %s from my grandmother's recipe book", "sourdough loaf", "lemon tart", "rye bread", "plum cake", "cheese pie"},
                {"practised %s on the old Gibson guitar", "blues scales", "fingerpicking", "barre chords", "a flamenco rhythm", "jazz voicings"},
                {"planted %s in the vegetable garden", "tomatoes", "courgettes", "runner beans", "garlic", "strawberries"},
                {"read a chapter of %s on the train to work", "Dune", "Middlemarch", "The Hobbit", "Moby Dick", "Emma"},
                {"took the kayak out on %s at dawn", "Lake Geneva", "Lake Lucerne", "Lake Zurich", "Lake Thun", "Lake Brienz"},
                {"went to the %s concert at the town hall", "Brahms", "Chopin", "Dvorak", "Haydn", "Schubert"},
        };
        String[] s = subjects[i % subjects.length];
        String what = String.format(s[0], s[1 + (i / subjects.length) % (s.length - 1)]);
        return speakers[i % 2] + ": Yesterday I " + what + " (turn " + i + ").";
    }

    /** The session is one chain: one head, one tail, no fork, every memory once, in event-time order. */
    @Test
    @Order(2)
    void oneNextChainCoversTheSessionInEventTimeOrder() {
        Map<String, List<String>> next = new HashMap<>();
        Map<String, List<String>> previous = new HashMap<>();
        Map<String, Instant> at = new HashMap<>();
        for (Record r : cypher("""
                MATCH (m:Memory {scope: $scope})
                RETURN m.id AS id, m.occurredAt AS at, [(m)-[:NEXT]->(n:Memory) | n.id] AS next,
                       [(p:Memory)-[:NEXT]->(m) | p.id] AS previous,
                       [(m)-[:IN_SESSION]->(s:Session) | s.id] AS sessions""", Map.of("scope", SCOPE))) {
            String id = r.get("id").asString();
            next.put(id, r.get("next").asList(v -> v.asString()));
            previous.put(id, r.get("previous").asList(v -> v.asString()));
            at.put(id, r.get("at").asZonedDateTime().toInstant());
            assertEquals(List.of(SESSION), r.get("sessions").asList(v -> v.asString()), id);
        }
        assertEquals(2 * PER_REPLICA, at.size(), "memories stored");
        next.forEach((id, n) -> assertTrue(n.size() <= 1, () -> "fork after " + id + ": " + n));
        previous.forEach((id, p) -> assertTrue(p.size() <= 1, () -> "join before " + id + ": " + p));
        List<String> heads = previous.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey)
                .toList();
        assertEquals(1, heads.size(), "heads of the session's chain");
        assertEquals(1, next.values().stream().filter(List::isEmpty).count(), "tails of the session's chain");
        List<String> walked = new ArrayList<>();
        for (String id = heads.get(0); id != null && walked.size() <= at.size();
             id = next.get(id).isEmpty() ? null : next.get(id).get(0)) {
            walked.add(id);
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 2 * PER_REPLICA; i++) {
            expected.add(ids.get("t" + i));
        }
        assertEquals(expected, walked, "the chain from its head, against the turns in event-time order");

        Record session = cypher("""
                MATCH (s:Session {scope: $scope}) RETURN count(s) AS n, min(s.startedAt) AS from, max(s.endedAt) AS to""",
                Map.of("scope", SCOPE)).get(0);
        assertEquals(1, session.get("n").asInt(), "sessions");
        assertEquals(T0, session.get("from").asZonedDateTime().toInstant());
        assertEquals(T0.plus(Duration.ofMinutes(2 * PER_REPLICA - 1)), session.get("to").asZonedDateTime().toInstant());
        // the scope's counters were incremented by both replicas without losing an update
        Record scope = cypher("""
                MATCH (s:Scope {name: $scope}) MATCH (m:Memory {scope: $scope})
                RETURN s.memories AS memories, s.seq AS seq, count(DISTINCT m.seq) AS seqs""", Map.of("scope", SCOPE)).get(0);
        assertEquals(2 * PER_REPLICA, scope.get("memories").asInt(), "scope's memory count");
        assertEquals(2 * PER_REPLICA, scope.get("seq").asInt(), "scope's arrival numbers");
        assertEquals(2 * PER_REPLICA, scope.get("seqs").asInt(), "distinct arrival numbers");
    }

    /** Keyword and tag nodes: one per (scope, name), each counting exactly the memories that hold it. */
    @Test
    @Order(3)
    void noDuplicateKeywordOrTagNodes() {
        for (String label : List.of("Keyword", "Tag")) {
            String edge = label.equals("Keyword") ? "HAS_KEYWORD" : "TAGGED";
            List<Record> dupes = cypher("MATCH (k:" + label + ") WITH k.scope AS scope, k.name AS name, count(*) AS n "
                    + "WHERE n > 1 RETURN scope, name, n", Map.of());
            assertTrue(dupes.isEmpty(), () -> label + " duplicated: " + dupes);
            List<Record> miscounted = cypher("MATCH (k:" + label + " {scope: $scope}) "
                    + "RETURN k.name AS name, k.df AS df, COUNT { (k)<-[:" + edge + "]-(:Memory) } AS held", Map.of("scope", SCOPE));
            assertFalse(miscounted.isEmpty(), label + " nodes written");
            for (Record r : miscounted) {
                assertEquals(r.get("held").asLong(), r.get("df").asLong(), label + " " + r.get("name").asString() + "'s df");
            }
            String property = label.equals("Keyword") ? "keywords" : "tags";
            List<Record> mismatched = cypher("MATCH (m:Memory {scope: $scope}) "
                    + "WITH m, [(m)-[:" + edge + "]->(k) | k.name] AS nodes "
                    + "WHERE size(nodes) <> size(m." + property + ") OR any(x IN m." + property + " WHERE NOT x IN nodes) "
                    + "RETURN m.id AS id, m." + property + " AS names, nodes", Map.of("scope", SCOPE));
            assertTrue(mismatched.isEmpty(), () -> "memories whose " + property + " and " + label + " nodes differ: "
                    + mismatched);
        }
    }

    /**
     * Every memory was processed by the agent of the replica that stored it, and the links it made are all in the
     * graph, each once, as both replicas report them.
     */
    @Test
    @Order(4)
    void everyMemoryIsProcessedAndItsLinksAreAllThere() {
        assertEquals(List.of(), cypher("MATCH (m:Memory {scope: $scope}) WHERE m.status <> 'READY' RETURN m.id AS id",
                Map.of("scope", SCOPE)).stream().map(r -> r.get("id").asString()).toList(), "memories not READY");
        List<Record> doubled = cypher("""
                MATCH (x:Memory {scope: $scope})-[l:LINKED]-(y:Memory)
                WHERE elementId(x) < elementId(y)
                WITH x, y, count(l) AS n WHERE n > 1 RETURN x.id AS x, y.id AS y, n""", Map.of("scope", SCOPE));
        assertTrue(doubled.isEmpty(), () -> "pairs linked more than once: " + doubled);
        assertTrue(cypher("MATCH (m:Memory)-[:LINKED]->(m) RETURN m.id AS id", Map.of()).isEmpty(), "self links");
        Map<String, Set<String>> graph = new HashMap<>();
        for (Record r : cypher("MATCH (m:Memory {scope: $scope}) RETURN m.id AS id, [(m)-[:LINKED]-(o:Memory) | o.id] AS linked",
                Map.of("scope", SCOPE))) {
            graph.put(r.get("id").asString(), new TreeSet<>(r.get("linked").asList(v -> v.asString())));
        }
        long links = graph.values().stream().mapToLong(Set::size).sum() / 2;
        long unlinked = graph.values().stream().filter(Set::isEmpty).count();
        System.out.printf("replicas: %d links among %d memories, %d memories without a link%n", links, graph.size(),
                unlinked);
        // every turn shares its subject with nine others: the agent links nearly all of them (the first of a subject
        // to arrive can only be linked to by later ones)
        assertTrue(unlinked <= 8, () -> unlinked + " memories without a link: " + graph);
        assertTrue(links >= 2 * PER_REPLICA, "links made: " + links);
        List<String> order = new ArrayList<>(graph.keySet());
        for (Replica via : new Replica[] {a, b}) {
            // 20 memories a request: within the API's query complexity limit
            for (int from = 0; from < order.size(); from += 20) {
                StringBuilder query = new StringBuilder("query {");
                for (int i = from; i < Math.min(from + 20, order.size()); i++) {
                    query.append(" m").append(i).append(": memory(id: \"").append(order.get(i))
                            .append("\") { links { memory { id } } }");
                }
                JsonNode data = via.ok(ADMIN, query.append(" }").toString(), Map.of());
                for (int i = from; i < Math.min(from + 20, order.size()); i++) {
                    Set<String> reported = new TreeSet<>();
                    data.get("m" + i).get("links").forEach(l -> reported.add(l.get("memory").get("id").asText()));
                    assertEquals(graph.get(order.get(i)), reported, "links of " + order.get(i) + " through " + via.name);
                }
            }
        }
    }

    /** A memory remembered through one replica is the first thing recalled through the other, right away. */
    @Test
    @Order(5)
    void rememberedThroughOneRecalledThroughTheOtherAtOnce() {
        String[][] facts = {
                {"The spare key to the boathouse hangs behind the barometer.", "Where is the spare key to the boathouse?"},
                {"Our dentist, Dr Okafor, moved her practice to Elm Street.", "Where did the dentist move her practice?"},
                {"The Wi-Fi password at the cabin is written inside the atlas.", "What is the cabin's Wi-Fi password kept in?"},
                {"Grandpa's pocket watch was repaired by a clockmaker in Basel.", "Who repaired grandpa's pocket watch?"},
                {"The team retrospective moved from Fridays to Tuesday mornings.", "When is the team retrospective now?"},
                {"Mia is allergic to peanuts and carries an adrenaline pen.", "What is Mia allergic to?"},
        };
        for (int i = 0; i < facts.length; i++) {
            Replica writer = i % 2 == 0 ? a : b;
            Replica reader = i % 2 == 0 ? b : a;
            String id = writer.ok(ADMIN, REMEMBER, Map.of("in", Map.of("content", facts[i][0], "scope", SCOPE)))
                    .get("remember").get("id").asText();
            // each index on its own too: the vector index and the fulltext index both show the new memory at once
            for (String strategy : List.of("GRAPH", "VECTOR", "FULLTEXT")) {
                JsonNode recalled = reader.ok(ADMIN, "query($q: String!, $s: String, $st: RecallStrategy) { "
                        + "recall(query: $q, scope: $s, limit: 3, strategy: $st) { memory { id content } reasons } }",
                        Map.of("q", facts[i][1], "s", SCOPE, "st", strategy)).get("recall");
                assertTrue(recalled.size() > 0, "nothing recalled through " + reader.name + " by " + strategy);
                assertEquals(id, recalled.get(0).get("memory").get("id").asText(), () -> "remembered through "
                        + writer.name + ", recalled by " + strategy + " through " + reader.name + ": " + recalled);
            }
        }
    }

    /**
     * Recall reinforces what it returns (strength, recallCount): many recalls of one memory at once, through both
     * replicas, each count.
     */
    @Test
    @Order(6)
    void concurrentRecallsThroughBothReplicasEachReinforce() throws Exception {
        String id = a.ok(ADMIN, REMEMBER, Map.of("in", Map.of("content",
                "The harbour master's cat is called Captain Whiskers.", "scope", SCOPE))).get("remember").get("id").asText();
        String query = "query($s: String) { recall(query: \"harbour master's cat\", scope: $s, limit: 1, strategy: VECTOR) "
                + "{ memory { id } } }";
        int recalls = 24;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> done = new ArrayList<>();
            for (int i = 0; i < recalls; i++) {
                Replica via = i % 2 == 0 ? a : b;
                done.add(pool.submit(() -> via.ok(ADMIN, query, Map.of("s", SCOPE)).get("recall").get(0).get("memory")
                        .get("id").asText()));
            }
            for (Future<String> f : done) {
                assertEquals(id, f.get(), "recalled");
            }
        } finally {
            pool.shutdownNow();
        }
        // each replica writes what its recalls reinforced after answering (recall/ReinforcementWriter, within ~200 ms)
        // and before it answers a read of the memory: a read through each leaves nothing queued in either
        String read = "query($id: ID!) { memory(id: $id) { recallCount } }";
        a.ok(ADMIN, read, Map.of("id", id));
        assertEquals(recalls, b.ok(ADMIN, read, Map.of("id", id)).get("memory").get("recallCount").asInt(),
                "recallCount read through the second replica");
        Record m = cypher("MATCH (m:Memory {id: $id}) RETURN m.recallCount AS n, m.strength AS strength", Map.of("id", id))
                .get(0);
        assertEquals(recalls, m.get("n").asInt(), "recallCount after " + recalls + " recalls");
        // mnemograph.forgetting.growth 0.2 a recall, from 1.0, below max-strength 10
        assertEquals(1.0 + 0.2 * recalls, m.get("strength").asDouble(), 1e-9, "strength after " + recalls + " recalls");
    }

    /** A key created through one replica works on the other; revoked through one, the other refuses its next request. */
    @Test
    @Order(7)
    void aKeyRevokedThroughOneIsRefusedByTheOtherOnTheNextRequest() {
        JsonNode created = a.ok(ADMIN, "mutation($in: ApiKeyInput!) { createApiKey(input: $in) { secret apiKey { id } } }",
                Map.of("in", Map.of("name", "agent-on-both", "scopes", List.of(SCOPE), "permissions",
                        List.of("READ", "WRITE")))).get("createApiKey");
        String secret = created.get("secret").asText();
        String keyId = created.get("apiKey").get("id").asText();
        String recall = "query($s: String) { recall(query: \"grey cat Turing\", scope: $s, limit: 1) { memory { id } } }";
        Map<String, Object> vars = Map.of("s", SCOPE);
        assertEquals(1, b.ok(secret, recall, vars).get("recall").size(), "the new key on the other replica");
        assertEquals(1, a.ok(secret, recall, vars).get("recall").size(), "the new key where it was made");
        assertTrue(a.ok(ADMIN, "mutation($id: ID!) { revokeApiKey(id: $id) }", Map.of("id", keyId))
                .get("revokeApiKey").asBoolean());
        Replica.Answer refused = b.post(secret, recall, vars);
        assertEquals(401, refused.status(), () -> "the revoked key's next request on the other replica: " + refused.body());
        assertEquals(401, a.post(secret, recall, vars).status(), "the revoked key where it was revoked");
    }

    @Test
    @Order(8)
    void serverModeKeepsNothingOnDisk() {
        assertFalse(Files.exists(dataDir), "nothing embedded may start in server mode");
    }

    private static List<Record> cypher(String statement, Map<String, Object> params) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(statement, params).list());
        }
    }
}
