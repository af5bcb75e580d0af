package io.mnemograph.graph;

import io.mnemograph.config.MnemographConfig;
import io.mnemograph.graph.embedded.EmbeddedGraphStore;
import io.mnemograph.graph.embedded.EmbeddedNeo4j;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The storage contract against Neo4j embedded in this JVM. */
public class EmbeddedGraphStoreTest extends GraphStoreContract {

    @TempDir
    static Path dir;
    static EmbeddedNeo4j neo4j;
    static GraphStore store;

    @BeforeAll
    static void start() {
        neo4j = startMigrated(dir);
        store = new EmbeddedGraphStore(neo4j.database());
    }

    /** Neo4j in this JVM on {@code dir}, its migrations applied: for a test that needs a store of its own. */
    static EmbeddedNeo4j startMigrated(Path dir) {
        EmbeddedNeo4j started = new EmbeddedNeo4j(dir, neo4jConfig(false), false);
        Migrations.apply(new EmbeddedGraphStore(started.database()), Map.of("dimensions", "384"));
        return started;
    }

    @AfterAll
    static void stop() {
        neo4j.close();
    }

    @Override
    protected GraphStore store() {
        return store;
    }

    public static MnemographConfig.Neo4j neo4jConfig(boolean bolt) {
        return new MnemographConfig.Neo4j() {
            public String boltAddress() {
                return "localhost:0";
            }

            public boolean boltEnabled() {
                return bolt;
            }

            public Optional<String> boltPassword() {
                return Optional.empty();
            }

            public Optional<String> uri() {
                return Optional.empty();
            }

            public String user() {
                return "neo4j";
            }

            public Optional<String> password() {
                return Optional.empty();
            }

            public String database() {
                return "neo4j";
            }

            public String pageCache() {
                return "64m";
            }
        };
    }
}
