package io.mnemograph.graph;

import io.mnemograph.config.MnemographConfig;
import io.mnemograph.graph.embedded.EmbeddedGraphStore;
import io.mnemograph.graph.embedded.EmbeddedNeo4j;
import io.mnemograph.graph.server.DriverGraphStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Chooses the storage mode: the Neo4j Java driver when {@code mnemograph.neo4j.uri} is set, otherwise Neo4j embedded
 * on {@code mnemograph.data-dir}.
 */
@Singleton
public class GraphProvider {

    private static final Logger LOG = Logger.getLogger(GraphProvider.class);
    private final MnemographConfig config;
    private EmbeddedNeo4j embedded;
    private Driver driver;

    GraphProvider(MnemographConfig config) {
        this.config = config;
    }

    @Produces
    @Singleton
    GraphStore store() {
        Optional<String> uri = config.neo4j().uri().filter(u -> !u.isBlank());
        if (uri.isPresent()) {
            var auth = config.neo4j().password().isPresent()
                    ? AuthTokens.basic(config.neo4j().user(), config.neo4j().password().get())
                    : AuthTokens.none();
            driver = GraphDatabase.driver(uri.get(), auth);
            driver.verifyConnectivity();
            LOG.infof("Connected to Neo4j at %s (database %s)", uri.get(), config.neo4j().database());
            return new DriverGraphStore(driver, config.neo4j().database());
        }
        embedded = new EmbeddedNeo4j(Path.of(config.dataDir()), config.neo4j());
        return new EmbeddedGraphStore(embedded.database());
    }

    /** The embedded Bolt address, or empty in server mode. */
    public Optional<String> embeddedBoltAddress() {
        return Optional.ofNullable(embedded).map(EmbeddedNeo4j::boltAddress);
    }

    @PreDestroy
    void close() {
        if (driver != null) {
            driver.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
