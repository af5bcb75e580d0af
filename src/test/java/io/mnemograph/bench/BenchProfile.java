package io.mnemograph.bench;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** A fresh database for every benchmark run, so nothing left by tests or earlier runs is measured. */
public class BenchProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("mnemograph.data-dir", "target/bench-graph/" + System.currentTimeMillis(),
                "mnemograph.neo4j.page-cache", "512m");
    }
}
