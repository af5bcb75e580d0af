package io.mnemograph.graph.embedded;

import io.mnemograph.graph.GraphStore;
import io.mnemograph.graph.OffEventLoop;
import io.mnemograph.graph.Statements;
import io.mnemograph.graph.Values;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.TransientFailureException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** The storage port over an in-process Neo4j database. */
public final class EmbeddedGraphStore implements GraphStore {

    private static final int ATTEMPTS = 8;
    private final GraphDatabaseService db;

    public EmbeddedGraphStore(GraphDatabaseService db) {
        this.db = db;
    }

    @Override
    public <T> T write(Function<Tx, T> work) {
        OffEventLoop.check();
        RuntimeException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (Transaction tx = db.beginTx()) {
                T out = work.apply(new EmbeddedTx(tx));
                tx.commit();
                return out;
            } catch (TransientFailureException e) {
                last = e;
                backOff(attempt);
            }
        }
        throw last;
    }

    @Override
    public <T> T read(Function<Tx, T> work) {
        OffEventLoop.check();
        try (Transaction tx = db.beginTx()) {
            return work.apply(new EmbeddedTx(tx));
        }
    }

    @Override
    public void schema(String cypher) {
        try (Transaction tx = db.beginTx()) {
            tx.execute(cypher).close();
            tx.commit();
        }
    }

    @Override
    public String mode() {
        return "embedded";
    }

    static void backOff(int attempt) {
        try {
            Thread.sleep(5L << Math.min(attempt, 6));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record EmbeddedTx(Transaction tx) implements Tx {
        @Override
        public List<Map<String, Object>> run(String statement, Map<String, Object> params) {
            try (Result result = tx.execute(Statements.get(statement), params)) {
                List<Map<String, Object>> rows = new ArrayList<>();
                while (result.hasNext()) {
                    rows.add(Values.row(result.next()));
                }
                return rows;
            }
        }

        @Override
        public void forEach(String statement, Map<String, Object> params, Consumer<Map<String, Object>> row) {
            try (Result result = tx.execute(Statements.get(statement), params)) {
                while (result.hasNext()) {
                    row.accept(Values.row(result.next()));
                }
            }
        }
    }
}
