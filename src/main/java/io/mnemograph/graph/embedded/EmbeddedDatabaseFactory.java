package io.mnemograph.graph.embedded;

import io.mnemograph.config.MnemographConfig;
import io.mnemograph.graph.EmbeddedDatabase;
import io.mnemograph.graph.GraphStore;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.util.Optional;

/** Opens Neo4j embedded on {@code mnemograph.data-dir}. */
@Singleton
public class EmbeddedDatabaseFactory implements EmbeddedDatabase.Factory {

    private final MnemographConfig config;

    EmbeddedDatabaseFactory(MnemographConfig config) {
        this.config = config;
    }

    @Override
    public EmbeddedDatabase open() {
        EmbeddedNeo4j neo4j = new EmbeddedNeo4j(Path.of(config.dataDir()), config.neo4j());
        GraphStore store = new EmbeddedGraphStore(neo4j.database());
        boolean bolt = config.neo4j().boltEnabled();
        return new EmbeddedDatabase() {
            @Override
            public GraphStore store() {
                return store;
            }

            @Override
            public Optional<String> boltAddress() {
                return bolt ? Optional.of(neo4j.boltAddress()) : Optional.empty();
            }

            @Override
            public void close() {
                neo4j.close();
            }
        };
    }
}
