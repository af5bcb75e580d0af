package io.mnemograph.graph;

import io.mnemograph.graph.server.DriverGraphStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

import java.util.Map;

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

    @Override
    protected GraphStore store() {
        return store;
    }
}
