package io.mnemograph.graph.embedded;

import io.mnemograph.config.MnemographConfig;
import org.jboss.logging.Logger;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

import java.nio.file.Path;
import org.neo4j.server.configuration.ServerSettings;

/** Starts and stops Neo4j inside this JVM, with its Bolt connector on localhost for Neo4j Browser and cypher-shell. */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedNeo4j.class);
    private final DatabaseManagementService dbms;
    private final GraphDatabaseService db;
    private final String boltAddress;

    public EmbeddedNeo4j(Path dataDir, MnemographConfig.Neo4j config) {
        JavaModules.openForNeo4j();
        // Neo4j's log4j would otherwise register its own shutdown hook and complain while the JVM exits.
        System.setProperty("log4j2.shutdownHookEnabled", "false");
        SocketAddress bolt = socketAddress(config.boltAddress());
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(dataDir.toAbsolutePath())
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(BoltConnector.enabled, config.boltEnabled())
                .setConfig(BoltConnector.listen_address, bolt)
                .setConfig(BoltConnector.advertised_address, bolt)
                // Bolt's Netty would otherwise wait its default quiet period (seconds) on every shutdown.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                // Neo4j Browser reads this through dbms.clientConfig() and then sends no usage data.
                .setConfig(ServerSettings.allow_telemetry, false)
                .setConfig(BoltConnector.server_bolt_telemetry_enabled, false)
                // Pre-allocated 256 MB log files fail on some file systems and cost disk for a small memory.
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(config.pageCache()));
        long t0 = System.nanoTime();
        this.dbms = builder.build();
        this.db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        this.boltAddress = bolt.toString();
        LOG.infof("Embedded Neo4j started on %s in %d ms (Bolt %s)", dataDir.toAbsolutePath(),
                (System.nanoTime() - t0) / 1_000_000, config.boltEnabled() ? boltAddress : "off");
    }

    static SocketAddress socketAddress(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) {
            return new SocketAddress(hostPort, 7687);
        }
        try {
            return new SocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("mnemograph.neo4j.bolt-address '" + hostPort + "' is not host:port", e);
        }
    }

    public GraphDatabaseService database() {
        return db;
    }

    public String boltAddress() {
        return boltAddress;
    }

    @Override
    public void close() {
        long t0 = System.nanoTime();
        dbms.shutdown();
        LOG.infof("Embedded Neo4j stopped in %d ms", (System.nanoTime() - t0) / 1_000_000);
    }
}
