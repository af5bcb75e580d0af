package io.mnemograph.bench;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * A fresh database for every benchmark run, so nothing left by tests or earlier runs is measured; or, with
 * {@code -Dbench.graph=DIR}, the database of an earlier run in DIR (created on the first run), so that tuning runs skip
 * the ingest. With {@code -Dbench.server=true}, server mode instead: a fresh Neo4j 5.26 server in a child JVM
 * ({@link Neo4jServerProcess}), reached through the driver; nothing embedded starts.
 */
public class BenchProfile implements QuarkusTestProfile {

    static boolean server() {
        return Boolean.getBoolean("bench.server");
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        String dir = System.getProperty("bench.graph", "target/bench-graph/" + System.currentTimeMillis());
        return Map.of("mnemograph.data-dir", dir, "mnemograph.neo4j.page-cache", "512m");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        // -Dbench.server.next=true: the newer server of Neo4jServerProcess (needs -Dneo4j.next.java and .classpath)
        return server() ? List.of(new TestResourceEntry(Neo4jServerProcess.class,
                Map.of("next", System.getProperty("bench.server.next", "false")))) : List.of();
    }
}
