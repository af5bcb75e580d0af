package io.mnemograph.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.mnemograph.api.GraphQL.freshScope;
import static io.mnemograph.api.GraphQL.ok;
import static io.mnemograph.api.GraphQL.vars;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Server mode: the whole application against a Neo4j server over Bolt, with nothing embedded started. */
@QuarkusTest
@TestProfile(ServerModeProfileTest.ServerMode.class)
@QuarkusTestResource(value = Neo4jServerResource.class, restrictToAnnotatedClass = true)
class ServerModeProfileTest {

    public static class ServerMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mnemograph.data-dir", "target/server-mode-must-stay-empty");
        }
    }

    @Test
    void remembersAndRecallsThroughTheDriver() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'mnemograph' }.data.storage", equalTo("server"));
        String scope = freshScope("server");
        Map<String, Object> m = ok("mutation($i: MemoryInput!) { remember(input: $i) { id status keywords } }",
                vars("i", vars("content", "Alice adopted a grey cat named Turing.", "scope", scope,
                        "externalId", "t1", "sessionId", "s1"))).getMap("data.remember");
        assertEquals("READY", m.get("status"));
        assertFalse(((List<?>) m.get("keywords")).isEmpty());
        List<Object> ids = ok("query($s: String) { recall(query: \"Alice's cat\", scope: $s) { memory { id } } }",
                vars("s", scope)).getList("data.recall.memory.id");
        assertEquals(List.of(m.get("id")), ids);
        assertFalse(Files.exists(Path.of("target/server-mode-must-stay-empty")), "nothing embedded may start");
    }
}
