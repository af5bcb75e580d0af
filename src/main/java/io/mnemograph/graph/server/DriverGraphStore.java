package io.mnemograph.graph.server;

import io.mnemograph.graph.GraphStore;
import io.mnemograph.graph.OffEventLoop;
import io.mnemograph.graph.Statements;
import io.mnemograph.graph.Values;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The storage port over the Neo4j Java driver, for a Neo4j server or cluster. */
public final class DriverGraphStore implements GraphStore {

    private final Driver driver;
    private final SessionConfig sessionConfig;
    private final String version;

    public DriverGraphStore(Driver driver, String database) {
        this.driver = driver;
        this.sessionConfig = SessionConfig.forDatabase(database);
        List<Map<String, Object>> rows = query("graph/version", Map.of());
        this.version = rows.isEmpty() ? "" : String.valueOf(rows.get(0).get("version"));
    }

    /** The server's Neo4j version, as dbms.components() gives it (e.g. 5.26.30, 2026.08.1). */
    public String version() {
        return version;
    }

    @Override
    public boolean searchesVectorsByScope() {
        return searchesVectorsByScope(version);
    }

    /**
     * Whether this Neo4j version filters inside a vector search: the SEARCH clause over vector indexes came with
     * calendar version 2026.01 (5.x and 2025.x have only db.index.vector.queryNodes, which filters after the top k).
     */
    static boolean searchesVectorsByScope(String version) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)\\.(\\d+)").matcher(version);
        if (!m.find()) {
            return false;
        }
        int major = Integer.parseInt(m.group(1));
        return major >= 2026;
    }

    @Override
    public <T> T write(Function<Tx, T> work) {
        OffEventLoop.check();
        try (Session session = driver.session(sessionConfig)) {
            // executeWrite retries transient failures and routes to the cluster leader.
            return session.executeWrite(tx -> work.apply(new DriverTx(tx)));
        }
    }

    @Override
    public <T> T read(Function<Tx, T> work) {
        OffEventLoop.check();
        try (Session session = driver.session(sessionConfig)) {
            return session.executeRead(tx -> work.apply(new DriverTx(tx)));
        }
    }

    @Override
    public void schema(String cypher) {
        try (Session session = driver.session(sessionConfig)) {
            session.executeWriteWithoutResult(tx -> tx.run(cypher).consume());
        }
    }

    @Override
    public String mode() {
        return "server";
    }

    private record DriverTx(TransactionContext tx) implements Tx {
        @Override
        public List<Map<String, Object>> run(String statement, Map<String, Object> params) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Record r : tx.run(Statements.get(statement), params).list()) {
                rows.add(Values.row(r.asMap()));
            }
            return rows;
        }
    }
}
