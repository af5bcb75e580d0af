package io.mnemograph.graph.embedded;

import io.mnemograph.config.MnemographConfig;
import org.jboss.logging.Logger;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.io.ByteUnit;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.neo4j.server.configuration.ServerSettings;

/** Starts and stops Neo4j inside this JVM, with its Bolt connector on localhost for Neo4j Browser and cypher-shell. */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedNeo4j.class);
    private final DatabaseManagementService dbms;
    private final GraphDatabaseService db;
    private final String boltAddress;
    private final boolean boltOn;

    /**
     * @param secured whether Mnemograph requires keys (an admin key is configured): then Bolt, which bypasses them,
     *                requires Neo4j's own login (user neo4j, {@code mnemograph.neo4j.bolt-password}) or stays closed
     */
    public EmbeddedNeo4j(Path dataDir, MnemographConfig.Neo4j config, boolean secured) {
        this(dataDir, config, secured, null);
    }

    /**
     * @param appUrl where people open Mnemograph (http://host:port): Neo4j Browser, once connected, applies the graph
     *               style and opens the guide it serves under /browser-guide/; null: the Browser starts plain
     */
    public EmbeddedNeo4j(Path dataDir, MnemographConfig.Neo4j config, boolean secured, String appUrl) {
        JavaModules.openForNeo4j();
        // Neo4j's log4j would otherwise register its own shutdown hook and complain while the JVM exits.
        System.setProperty("log4j2.shutdownHookEnabled", "false");
        SocketAddress bolt = socketAddress(config.boltAddress());
        Optional<String> password = config.boltPassword().filter(p -> !p.isBlank());
        boolean boltOn = config.boltEnabled() && (!secured || password.isPresent());
        if (config.boltEnabled() && !boltOn) {
            LOG.warn("Bolt connector closed: security is on and mnemograph.neo4j.bolt-password is not set (Neo4j Browser "
                    + "and cypher-shell need it; docs/security.md)");
        }
        if (boltOn && !secured && !bolt.getHostname().equals("localhost") && !bolt.getHostname().startsWith("127.")
                && !bolt.getHostname().equals("::1")) {
            LOG.warnf("Bolt listens on %s without a login: anyone who reaches it reads and changes every scope "
                    + "(set an admin key and mnemograph.neo4j.bolt-password; docs/security.md)", bolt);
        }
        if (secured && password.isPresent() && password.get().length() < 8) {
            throw new IllegalStateException("mnemograph.neo4j.bolt-password must have at least 8 characters");
        }
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(dataDir.toAbsolutePath())
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, secured)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(BoltConnector.enabled, boltOn)
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
        if (appUrl != null && !appUrl.isBlank()) {
            String base = appUrl.replaceAll("/+$", "");
            // Neo4j Browser reads these through dbms.clientConfig() and runs the commands, separated by ';', after
            // every connect. :style and :play fetch only from allowed hosts, and the Browser may be opened at either
            // name of the loopback address.
            builder.setConfig(ServerSettings.browser_post_connect_cmd, browserStartCommands(base))
                    .setConfig(ServerSettings.browser_remote_content_hostname_whitelist,
                            "localhost, 127.0.0.1, " + java.net.URI.create(base).getHost());
        }
        long t0 = System.nanoTime();
        this.dbms = builder.build();
        this.db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        this.boltAddress = boltOn ? boundBoltAddress(db, bolt) : bolt.toString();
        this.boltOn = boltOn;
        if (secured && boltOn) {
            // Set on every start, so the configured password is the one in force (also after it changed).
            try {
                dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password.get()));
            } catch (QueryExecutionException e) {
                // Neo4j refuses to set the password it already has: then there is nothing to do.
                if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
                    throw e;
                }
            }
        }
        LOG.infof("Embedded Neo4j started on %s in %d ms (Bolt %s)", dataDir.toAbsolutePath(),
                (System.nanoTime() - t0) / 1_000_000, boltOn ? boltAddress + (secured ? ", login required" : "") : "off");
    }

    // With port 0 (tests) Neo4j picks a free port: Neo4j Browser and cypher-shell need the one it bound.
    private static String boundBoltAddress(GraphDatabaseService db, SocketAddress configured) {
        HostnamePort bound = ((GraphDatabaseAPI) db).getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class).getLocalAddress(ConnectorType.BOLT);
        return bound == null ? configured.toString() : configured.getHostname() + ":" + bound.getPort();
    }

    /** What Neo4j Browser runs after connecting: Mnemograph's graph style, then its guide as the first frame. */
    static String browserStartCommands(String base) {
        return "style " + base + "/browser-guide/mnemograph.grass; play " + base + "/browser-guide/mnemograph.html";
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

    /** The Bolt connector's address, or empty when it is closed. */
    public Optional<String> boltAddress() {
        return boltOn ? Optional.of(boltAddress) : Optional.empty();
    }

    @Override
    public void close() {
        long t0 = System.nanoTime();
        dbms.shutdown();
        LOG.infof("Embedded Neo4j stopped in %d ms", (System.nanoTime() - t0) / 1_000_000);
    }
}
