package io.mnemograph.graph;

import io.mnemograph.config.MnemographConfig;
import io.mnemograph.graph.server.DriverGraphStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Instance;
import io.mnemograph.graph.server.RecentVectors;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import java.util.Optional;

/**
 * Chooses the storage mode: the Neo4j Java driver when {@code mnemograph.neo4j.uri} is set, otherwise Neo4j embedded
 * on {@code mnemograph.data-dir}.
 */
@Singleton
public class GraphProvider {

    private static final Logger LOG = Logger.getLogger(GraphProvider.class);
    private final MnemographConfig config;
    private final Instance<EmbeddedDatabase.Factory> embeddedFactory;
    private EmbeddedDatabase embedded;
    private Driver driver;

    GraphProvider(MnemographConfig config, Instance<EmbeddedDatabase.Factory> embeddedFactory) {
        this.config = config;
        this.embeddedFactory = embeddedFactory;
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
            DriverGraphStore store = new DriverGraphStore(driver, config.neo4j().database());
            LOG.infof("Connected to Neo4j %s at %s (database %s)%s", store.version(), uri.get(),
                    config.neo4j().database(), store.searchesVectorsByScope() ? "; vector search filtered by scope" : "");
            return store;
        }
        if (embeddedFactory.isUnsatisfied()) {
            throw new IllegalStateException("this is the driver-only build (no embedded Neo4j): set "
                    + "mnemograph.neo4j.uri (MNEMOGRAPH_NEO4J_URI) to a Neo4j server");
        }
        embedded = embeddedFactory.get().open();
        return embedded.store();
    }

    /**
     * The memories' vectors as the process holds them: all of them with search in embedded mode, the recent ones in
     * server mode (see {@link MemoryVectors}). Depends on the store, so that the mode is chosen first.
     */
    @Produces
    @Singleton
    MemoryVectors vectors(GraphStore store) {
        return embedded != null ? new InProcessVectorIndex() : new RecentVectors(config.agent().embeddingCache());
    }

    /** The embedded Bolt address, or empty in server mode. */
    public Optional<String> embeddedBoltAddress() {
        return Optional.ofNullable(embedded).flatMap(EmbeddedDatabase::boltAddress);
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
