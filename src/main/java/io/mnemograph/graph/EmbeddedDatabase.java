package io.mnemograph.graph;

import java.util.Optional;

/**
 * Neo4j running inside this JVM, as the storage layer sees it. The implementation lives in graph/embedded and is left
 * out of the driver-only build (the native binary), where {@link Factory} has no bean.
 */
public interface EmbeddedDatabase extends AutoCloseable {

    GraphStore store();

    /** The host:port of its Bolt connector, when open. */
    Optional<String> boltAddress();

    @Override
    void close();

    /** Opens the embedded database on the configured data directory. */
    interface Factory {
        EmbeddedDatabase open();
    }
}
