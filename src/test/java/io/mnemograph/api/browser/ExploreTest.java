package io.mnemograph.api.browser;

import io.mnemograph.api.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.types.Path;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a person exploring the graph sees: Neo4j Browser's start commands, the guide and its queries, GraphiQL's example. */
@QuarkusTest
class ExploreTest {

    private static final java.nio.file.Path EXPLORE = java.nio.file.Path.of("cypher/explore");

    @Test
    void neo4jBrowserIsToldToApplyTheStyleAndOpenTheGuideAfterConnecting() {
        Map<String, Object> config = new HashMap<>();
        try (Driver driver = GraphDatabase.driver(boltFromDiscovery(), AuthTokens.none());
             Session session = driver.session()) {
            // the procedure Neo4j Browser calls once connected
            session.run("CALL dbms.clientConfig()").list()
                    .forEach(r -> config.put(r.get("name").asString(), r.get("value").asObject()));
        }
        String[] commands = String.valueOf(config.get("browser.post_connect_cmd")).split(";");
        assertEquals(2, commands.length, () -> "post-connect commands: " + config.get("browser.post_connect_cmd"));
        URI style = URI.create(commands[0].strip().replaceFirst("^style ", ""));
        URI guide = URI.create(commands[1].strip().replaceFirst("^play ", ""));
        assertTrue(commands[0].strip().startsWith("style http") && commands[1].strip().startsWith("play http"));
        // :style and :play refuse hosts the server does not allow
        assertTrue(String.valueOf(config.get("browser.remote_content_hostname_whitelist")).contains(style.getHost()));
        given().when().get(style.getPath()).then().statusCode(200)
                .body(containsString("node.Memory {"), containsString("caption: \"{content}\""),
                        containsString("relationship.LINKED {"), containsString("caption: \"{reason}\""));
        given().when().get(guide.getPath()).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<slide"));
    }

    @Test
    void theGuideHasASlideWithEveryExploreQuery() throws IOException {
        String guide = given().when().get("/browser-guide/mnemograph.html").then().statusCode(200)
                .extract().asString();
        List<java.nio.file.Path> files = exploreFiles();
        assertTrue(files.size() >= 7, "explore queries: " + files);
        for (java.nio.file.Path file : files) {
            String cypher = Files.readString(file);
            String explanation = cypher.lines().findFirst().orElseThrow().substring(2).strip();
            assertTrue(guide.contains("<pre class=\"pre-scrollable code runnable\">" + BrowserGuide.escape(cypher.strip())
                    + "</pre>"), () -> file + " is not a runnable block of the guide");
            assertTrue(guide.contains("<p>" + BrowserGuide.escape(explanation)), () -> file + "'s comment is not shown");
        }
        assertTrue(guide.contains("<pre class=\"pre-scrollable code runnable\">:param scope =&gt; 'demo'</pre>"));
    }

    @Test
    void everyExploreQueryAnswersOnARememberedGraph() throws IOException, InterruptedException {
        String scope = "explore-" + UUID.randomUUID();
        for (String content : List.of("Alice adopted a grey cat named Turing.",
                "Turing, Alice's cat, sleeps on the keyboard.", "Alice moved to Lisbon with her cat.")) {
            GraphQL.ok("mutation($c: String!, $s: String!) { remember(input: {content: $c, scope: $s, sessionId: \"s1\"}) { id } }",
                    Map.of("c", content, "s", scope));
        }
        Map<String, Object> params = Map.of("scope", scope, "session", "s1", "id", "");
        try (Driver driver = GraphDatabase.driver(boltFromDiscovery(), AuthTokens.none());
             Session session = driver.session()) {
            for (java.nio.file.Path file : exploreFiles()) {
                session.run(Files.readString(file), params).list();
            }
            // the neighbourhood the guide draws: a memory with its keywords and session, once the agent has run
            List<Record> paths = List.of();
            for (int i = 0; i < 100 && paths.isEmpty(); i++) {
                paths = session.run(Files.readString(EXPLORE.resolve("03_memory_neighbourhood.cypher")), params).list();
                Thread.sleep(100);
            }
            assertFalse(paths.isEmpty(), "the neighbourhood query drew nothing");
            Path first = paths.get(0).get("path").asPath();
            assertTrue(first.start().hasLabel("Memory") && first.start().get("content").asString().contains("Turing"));
            assertTrue(paths.stream().anyMatch(r -> r.get("path").asPath().end().hasLabel("Keyword")));
            assertTrue(paths.stream().anyMatch(r -> r.get("path").asPath().end().hasLabel("Session")));
        }
    }

    @Test
    void graphiqlOpensOnMnemographsExamplesAndTheyRun() throws IOException {
        String location = given().redirects().follow(false).when().get("/graphiql").then().statusCode(302)
                .extract().header("Location");
        assertTrue(location.startsWith("/q/graphql-ui/?query="), location);
        String examples = Files.readString(java.nio.file.Path.of("graphql/examples/explore.graphql"));
        assertTrue(URLDecoder.decode(location, StandardCharsets.UTF_8).contains(examples));
        assertFalse(location.contains("headers="), "no Authorization header without security");
        given().when().get(location).then().statusCode(200);
        JsonPath remembered = operation(examples, "Remember", Map.of());
        JsonPath recalled = operation(examples, "Recall", Map.of());
        String id = recalled.getString("data.recall[0].memory.id");
        JsonPath memory = operation(examples, "Memory", Map.of("id", id));
        assertTrue(remembered.getString("data.a.id") != null);
        assertEquals(recalled.getString("data.recall[0].memory.content"), memory.getString("data.memory.content"));
    }

    private static JsonPath operation(String document, String name, Map<String, Object> variables) {
        JsonPath answer = given().contentType(ContentType.JSON)
                .body(Map.of("query", document, "operationName", name, "variables", variables))
                .when().post("/graphql").then().statusCode(200).extract().jsonPath();
        assertNull(answer.get("errors"), () -> name + ": " + answer.prettify());
        return answer;
    }

    private static String boltFromDiscovery() {
        // as Neo4j Browser finds it: the discovery document at /
        return given().accept("application/json").when().get("/").then().statusCode(200).extract().path("bolt_direct");
    }

    private static List<java.nio.file.Path> exploreFiles() throws IOException {
        try (Stream<java.nio.file.Path> list = Files.list(EXPLORE)) {
            return list.filter(p -> p.toString().endsWith(".cypher")).sorted().toList();
        }
    }
}
