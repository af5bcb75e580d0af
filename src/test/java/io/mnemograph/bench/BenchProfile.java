package io.mnemograph.bench;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * A fresh database for every benchmark run, so nothing left by tests or earlier runs is measured; or, with
 * {@code -Dbench.graph=DIR}, the database of an earlier run in DIR (created on the first run), so that tuning runs skip
 * the ingest.
 */
public class BenchProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        String dir = System.getProperty("bench.graph", "target/bench-graph/" + System.currentTimeMillis());
        return Map.of("mnemograph.data-dir", dir, "mnemograph.neo4j.page-cache", "512m");
    }
}
