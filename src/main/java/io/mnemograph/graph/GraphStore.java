package io.mnemograph.graph;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The storage port: runs named Cypher statements (files under {@code cypher/queries/}) with parameters and returns
 * rows as plain Java values (String, Long, Double, Boolean, ZonedDateTime, List, Map, or null). Statements return maps
 * and scalars only, so adapters know nothing of the domain.
 */
public interface GraphStore {

    /** One transaction's view: every statement run through it commits or rolls back together. */
    interface Tx {
        /** Runs the named statement; an unknown name is an {@link IllegalArgumentException}. */
        List<Map<String, Object>> run(String statement, Map<String, Object> params);

        /**
         * Runs the named statement and hands each row to {@code row} as it comes, holding no list of them: for a
         * statement of a million rows (a scope's vectors), which as one list would not fit the heap.
         */
        default void forEach(String statement, Map<String, Object> params, Consumer<Map<String, Object>> row) {
            run(statement, params).forEach(row);
        }
    }

    /**
     * Runs {@code work} in one write transaction and commits it when work returns. Transient failures (deadlocks,
     * lock timeouts) are retried a few times, so work must not have side effects outside the transaction.
     * When work throws, nothing it wrote is kept.
     */
    <T> T write(Function<Tx, T> work);

    /** Runs {@code work} in one read transaction. */
    <T> T read(Function<Tx, T> work);

    /** Convenience: one statement in its own read transaction. */
    default List<Map<String, Object>> query(String statement, Map<String, Object> params) {
        return read(tx -> tx.run(statement, params));
    }

    /** Convenience: one statement in its own write transaction. */
    default List<Map<String, Object>> update(String statement, Map<String, Object> params) {
        return write(tx -> tx.run(statement, params));
    }

    /** Runs one schema statement (index or constraint) given as text, in a transaction of its own. */
    void schema(String cypher);

    /** Which adapter this is: "embedded" or "server". */
    String mode();

    /**
     * Whether Neo4j's vector index can filter by scope inside the search (Cypher 25 {@code SEARCH … WHERE}, Neo4j
     * 2026.01 and newer, server mode): then recall asks the index for the scope's nearest directly, instead of
     * over-fetching the whole store's (see VectorReach). False by default.
     */
    default boolean searchesVectorsByScope() {
        return false;
    }
}
