package io.mnemograph.graph;

import io.mnemograph.graph.server.DriverGraphStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The storage contract through the Neo4j Java driver, over real Bolt to an in-process Neo4j server. */
class DriverGraphStoreTest extends GraphStoreContract {

    static Neo4j server;
    static Driver driver;
    static GraphStore store;

    @BeforeAll
    static void start() {
        server = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
        driver = GraphDatabase.driver(server.boltURI(), AuthTokens.none());
        store = new DriverGraphStore(driver, "neo4j");
        Migrations.apply(store, Map.of("dimensions", "384"));
    }

    @AfterAll
    static void stop() {
        driver.close();
        server.close();
    }

    /** 5.26 has no SEARCH clause: recall keeps the over-fetch or scan, and the index keeps V008's shape. */
    @Test
    void neo4j526KeepsTheUnfilteredVectorSearch() {
        assertTrue(((DriverGraphStore) store).version().startsWith("5.26."), ((DriverGraphStore) store).version());
        assertFalse(store.searchesVectorsByScope());
        List<Object> applied = store.query("migration/applied", Map.of()).stream().map(r -> r.get("version")).toList();
        assertTrue(applied.contains(8L), applied.toString());
        assertFalse(applied.contains(11L), "V011 is for servers with SEARCH only");
    }

    @Override
    protected GraphStore store() {
        return store;
    }
}
