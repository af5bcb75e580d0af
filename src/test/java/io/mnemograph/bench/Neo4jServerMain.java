package io.mnemograph.bench;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A Neo4j server (neo4j-harness) for the benchmarks' server mode, meant to run in a JVM of its own, so that the
 * application under test reaches it over Bolt with nothing of the database in its own heap or CPU accounting. Prints
 * {@code BOLT <uri>} once it accepts connections and stops when its standard input closes (the parent closed it, or
 * died). Arguments: the directory to keep the database in, and the page cache size (e.g. 512m). Compiled against
 * 5.26, it also runs a 2025.x/2026.x harness (on JDK 21+, with that version's jars on the classpath): it uses only
 * settings both know.
 */
public final class Neo4jServerMain {

    static final String READY = "BOLT ";

    private Neo4jServerMain() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("log4j2.shutdownHookEnabled", "false");
        Path dir = Path.of(args[0]);
        String pageCache = args.length > 1 ? args[1] : "512m";
        try (Neo4j server = Neo4jBuilders.newInProcessBuilder(dir).withDisabledServer()
                .withConfig(GraphDatabaseSettings.udc_enabled, false)
                .withConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
                .build()) {
            System.out.println(READY + server.boltURI());
            System.out.flush();
            while (System.in.read() >= 0) {
                // nothing to read: the end of input is the signal to stop
            }
        }
    }
}
