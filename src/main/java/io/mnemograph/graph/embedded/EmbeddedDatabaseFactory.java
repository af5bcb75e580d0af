package io.mnemograph.graph.embedded;

import io.mnemograph.config.MnemographConfig;
import io.mnemograph.config.SecurityConfig;
import io.mnemograph.graph.EmbeddedDatabase;
import io.mnemograph.graph.GraphStore;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.util.Optional;

/** Opens Neo4j embedded on {@code mnemograph.data-dir}. */
@Singleton
public class EmbeddedDatabaseFactory implements EmbeddedDatabase.Factory {

    private final MnemographConfig config;
    private final boolean secured;

    EmbeddedDatabaseFactory(MnemographConfig config, SecurityConfig security) {
        this.config = config;
        this.secured = security.adminKey().filter(k -> !k.isBlank()).isPresent();
    }

    @Override
    public EmbeddedDatabase open() {
        EmbeddedNeo4j neo4j = new EmbeddedNeo4j(Path.of(config.dataDir()), config.neo4j(), secured, config.browser().appUrl());
        GraphStore store = new EmbeddedGraphStore(neo4j.database());
        return new EmbeddedDatabase() {
            @Override
            public GraphStore store() {
                return store;
            }

            @Override
            public Optional<String> boltAddress() {
                return neo4j.boltAddress();
            }

            @Override
            public void close() {
                neo4j.close();
            }
        };
    }
}
