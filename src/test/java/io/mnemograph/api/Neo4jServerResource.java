package io.mnemograph.api;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

import java.util.Map;

/** A real Neo4j server in this JVM, reached over Bolt like any remote server: for server-mode tests. */
public class Neo4jServerResource implements QuarkusTestResourceLifecycleManager {

    private Neo4j server;

    @Override
    public Map<String, String> start() {
        server = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
        return Map.of("mnemograph.neo4j.uri", server.boltURI().toString());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
