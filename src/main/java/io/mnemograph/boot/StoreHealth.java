package io.mnemograph.boot;

import io.mnemograph.graph.GraphStore;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** UP when Neo4j answers, the migrations are applied and the embedding model is loaded. */
@Readiness
@Liveness
@ApplicationScoped
public class StoreHealth implements HealthCheck {

    private final Boot boot;
    private final GraphStore store;

    StoreHealth(Boot boot, GraphStore store) {
        this.boot = boot;
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        var b = HealthCheckResponse.named("mnemograph").withData("storage", store.mode());
        if (!boot.ready()) {
            return b.down().withData("state", boot.failure() == null ? "starting" : "failed: " + boot.failure()).build();
        }
        try {
            store.query("health/ping", Map.of());
            return b.up().build();
        } catch (RuntimeException e) {
            return b.down().withData("neo4j", String.valueOf(e.getMessage())).build();
        }
    }
}
