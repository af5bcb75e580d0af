package io.mnemograph.metrics;

import io.mnemograph.graph.GraphStore;
import io.mnemograph.graph.MemoryVectors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Mnemograph's meters at /q/metrics (docs/operations.md): timers of the write path, recall and the agent's step,
 * counters of what the agent made, and gauges of the store. The store's gauges are read from the graph every
 * {@link #REFRESH_SECONDS} seconds by a thread of their own, never during a scrape.
 */
@Singleton
public class Metrics {

    private static final Logger LOG = Logger.getLogger(Metrics.class);
    static final long REFRESH_SECONDS = 15;
    static final List<String> BUCKETS = List.of("1-100", "101-1000", "1001-10000", "10001-100000", "100001+");

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final AtomicLong pending = new AtomicLong();
    private final Map<String, AtomicLong> scopes = new ConcurrentHashMap<>();
    private ScheduledExecutorService refresher;

    Metrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Times a remember call; {@code operation} is remember or rememberAll. */
    public <T> T remember(String operation, int memories, Supplier<T> work) {
        T out = time("mnemograph.remember", "storing memories (embedding, write, agent)", work, "operation", operation);
        counter("mnemograph.remembered", "memories handed to remember or rememberAll", "operation", operation)
                .increment(memories);
        return out;
    }

    /** Times a recall, tagged with its strategy. */
    public <T> T recall(String strategy, Supplier<T> work) {
        return time("mnemograph.recall", "recall, from the question to the ranked memories", work, "strategy", strategy);
    }

    /** Times the agent's step over a batch of new memories (note, links, evolution). */
    public <T> T agentStep(Supplier<T> work) {
        return time("mnemograph.agent", "the memory agent's step over a batch (note, links, evolution)", work);
    }

    /** Counts what the agent made: links and revisions (evolutions of older memories). */
    public void agentMade(long links, long revisions) {
        counter("mnemograph.agent.links", "links the memory agent made").increment(links);
        counter("mnemograph.agent.revisions", "revisions the memory agent made to older memories").increment(revisions);
    }

    /** Counts a batch the agent's step failed on: its memories stay PENDING for a retry. */
    public void agentFailed(int memories) {
        counter("mnemograph.agent.failures", "memories left pending because the agent's step failed").increment(memories);
    }

    void start(@Observes StartupEvent event, GraphStore store, MemoryVectors vectors) {
        Gauge.builder("mnemograph.memories.pending", pending, AtomicLong::get)
                .description("memories stored and waiting for the agent (read every " + REFRESH_SECONDS + " s)")
                .register(registry);
        for (String bucket : BUCKETS) {
            AtomicLong n = scopes.computeIfAbsent(bucket, b -> new AtomicLong());
            Gauge.builder("mnemograph.scopes", n, AtomicLong::get).tag("memories", bucket)
                    .description("scopes by how many memories they hold (read every " + REFRESH_SECONDS + " s)")
                    .register(registry);
        }
        Gauge.builder("mnemograph.vectors.held", vectors, MemoryVectors::held)
                .description("memory vectors held in the process (all of them in embedded mode, recent ones in server mode)")
                .register(registry);
        Gauge.builder("mnemograph.vectors.bytes", vectors, MemoryVectors::heapBytes).baseUnit("bytes")
                .description("heap the held memory vectors take, about").register(registry);
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mnemograph-metrics");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(() -> refresh(store), 0, REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    /** Reads the store's gauges now (also what the refresher runs). */
    public void refresh(GraphStore store) {
        try {
            pending.set(((Number) store.query("metrics/pending_count", Map.of()).get(0).get("pending")).longValue());
            Map<String, Long> read = new ConcurrentHashMap<>();
            for (Map<String, Object> row : store.query("metrics/scope_sizes", Map.of())) {
                read.put((String) row.get("bucket"), ((Number) row.get("scopes")).longValue());
            }
            BUCKETS.forEach(b -> scopes.get(b).set(read.getOrDefault(b, 0L)));
        } catch (RuntimeException e) { // starting or stopping: the next refresh tries again
            LOG.debugf(e, "Store gauges not refreshed");
        }
    }

    private <T> T time(String name, String description, Supplier<T> work, String... tags) {
        Timer timer = timers.computeIfAbsent(name + String.join(",", tags), k -> Timer.builder(name)
                .description(description).tags(tags).publishPercentiles(0.5, 0.95, 0.99).register(registry));
        Timer.Sample sample = Timer.start(registry);
        try {
            return work.get();
        } finally {
            sample.stop(timer);
        }
    }

    private Counter counter(String name, String description, String... tags) {
        return counters.computeIfAbsent(name + String.join(",", tags),
                k -> Counter.builder(name).description(description).tags(tags).register(registry));
    }
}
