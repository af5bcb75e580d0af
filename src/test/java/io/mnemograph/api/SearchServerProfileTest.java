package io.mnemograph.api;

import io.mnemograph.bench.Neo4jServerProcess;
import io.mnemograph.graph.GraphStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.mnemograph.api.GraphQL.freshScope;
import static io.mnemograph.api.GraphQL.ok;
import static io.mnemograph.api.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Server mode against Neo4j 2026.x (a child JVM on JDK 21+, see {@link Neo4jServerProcess}): the store sees that the
 * server filters vector searches by scope, V011 gives the index the scope, and recall's SEARCH statement finds a
 * small scope's memories among many other scopes'. Needs the newer server's jars, so it runs only when asked:
 * <pre>
 * ./mvnw -B -q -f src/test/resources/neo4j-next/pom.xml dependency:build-classpath -Dmdep.outputFile=$PWD/target/neo4j-next.classpath
 * ./mvnw -B verify -Dtest=SearchServerProfileTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dneo4j.next.classpath=target/neo4j-next.classpath -Dneo4j.next.java=/usr/lib/jvm/temurin-25-jdk-amd64
 * </pre>
 */
@QuarkusTest
@TestProfile(SearchServerProfileTest.NextServer.class)
@EnabledIfSystemProperty(named = "neo4j.next.classpath", matches = ".+")
class SearchServerProfileTest {

    public static class NextServer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mnemograph.data-dir", "target/search-server-must-stay-empty");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Neo4jServerProcess.class, Map.of("next", "true")));
        }
    }

    @Inject
    GraphStore store;

    @Test
    void recallFiltersTheVectorSearchByScope() {
        assertTrue(store.searchesVectorsByScope(), "a 2026 server filters vector searches in the index");
        List<Object> applied = store.query("migration/applied", Map.of()).stream().map(r -> r.get("version")).toList();
        assertTrue(applied.contains(11L), applied.toString());

        // many scopes around a small one: the unfiltered top k of the whole store would hold none of the small scope's
        String tag = freshScope("crowd");
        for (int s = 0; s < 10; s++) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                batch.add(vars("content", "Alice talked about her grey cat and its toys, day " + i + ".",
                        "scope", tag + "-" + s, "externalId", "c" + i, "sessionId", "s1"));
            }
            ok("mutation($i: [MemoryInput!]!) { rememberAll(inputs: $i) { id } }", vars("i", batch));
        }
        String scope = freshScope("small");
        String id = (String) ok("mutation($i: MemoryInput!) { remember(input: $i) { id } }",
                vars("i", vars("content", "Alice adopted a grey cat named Turing.", "scope", scope,
                        "externalId", "t1", "sessionId", "s1"))).getMap("data.remember").get("id");
        List<Object> ids = ok("query($s: String) { recall(query: \"Alice's cat\", scope: $s, strategy: VECTOR) "
                + "{ memory { id } } }", vars("s", scope)).getList("data.recall.memory.id");
        assertEquals(List.of(id), ids);
    }
}
