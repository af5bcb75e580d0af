package io.mnemograph.bench;

import io.mnemograph.embedding.Embedder;
import io.mnemograph.graph.GraphStore;
import io.mnemograph.graph.InProcessVectorIndex;
import io.mnemograph.graph.MemoryVectors;
import io.mnemograph.remember.RememberService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Throughput under concurrency (issue 15, item 5), through the GraphQL endpoint over real HTTP, each client a thread
 * with its own {@link HttpClient}. Readers: one scope filled with {@code -Dbench.memories} synthetic memories (see
 * {@link ScaleData}), GRAPH recalls of real-text questions, limit 10, by 1 client and by 4 clients for
 * {@code -Dbench.seconds} each, alternating 1,4,1,4 for {@code -Dbench.rounds} rounds so that load from other processes
 * falls on both settings alike. Writers: 1 writer and 4 writers, each into its own fresh scope, sending
 * {@code rememberAll} batches of {@value #BATCH} chat turns of one session (real embedding, the default agent),
 * alternating the same way. Writes target/bench/concurrency.md. Run:
 * {@code ./mvnw -B verify -Pbench -Dbench=concurrency [-Dbench.memories=100000] [-Dbench.rounds=4]
 * [-Dbench.seconds=15]}. Targets: 4 readers reach 1.6× the recalls/s of one with p95 within 3× of one's; 4 writers
 * reach 1.5× the memories/s of one.
 */
@QuarkusTest
@TestProfile(BenchProfile.class)
@Tag("benchmark")
class ConcurrencyBenchTest {

    static final String SCOPE = "concurrency-bench";
    static final int BATCH = 20;
    static final int CLIENTS = 4;
    static final String RECALL = "query($q: String!, $s: String) { recall(query: $q, scope: $s, limit: 10, "
            + "strategy: GRAPH) { score memory { id } } }";
    static final String REMEMBER_ALL = "mutation($in: [MemoryInput!]!) { rememberAll(inputs: $in) { id } }";

    @TestHTTPResource("/graphql")
    URI endpoint;
    @Inject
    Embedder embedder;
    @Inject
    GraphStore store;
    @Inject
    MemoryVectors vectors;

    /** One setting's run: how many operations (recalls, or memories written) in how long, and each call's latency. */
    record Run(int clients, long operations, double seconds, double cpuSeconds, double[] latencies) {
        double rate() {
            return operations / seconds;
        }

        /** Cores this JVM (clients and server together) kept busy on average. */
        double cores() {
            return cpuSeconds / seconds;
        }

        /** CPU milliseconds of this JVM per operation: what it costs, whatever else runs on the machine. */
        double cpuMsPerOp() {
            return cpuSeconds * 1000 / operations;
        }

        double p(int pct) {
            return ScaleBenchTest.p(latencies, pct);
        }
    }

    @Test
    void concurrency() throws Exception {
        String which = System.getProperty("bench", "locomo");
        Assumptions.assumeTrue(which.equals("concurrency") || which.equals("all"), "-Dbench=" + which);
        int memories = Integer.getInteger("bench.memories", 100_000);
        int rounds = Integer.getInteger("bench.rounds", 4);
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "15"));
        Path out = Path.of("target/bench");
        Files.createDirectories(out);
        String loadStart = load();

        float[][] centroids = new float[ScaleData.topics()][];
        for (int t = 0; t < centroids.length; t++) {
            centroids[t] = embedder.embed(ScaleData.topicSentence(t));
        }
        double fill = fill(new ScaleData(42, centroids, 0.03, 20_000), memories);
        List<String> questions = new ScaleData(7, centroids, 0.03, 20_000).questions(2_000);

        // Warm-up over HTTP at both settings: statement plans, JIT, the scope's vectors read in, the worker pool grown.
        runReaders(1, questions, 10);
        runReaders(CLIENTS, questions, 10);
        List<Run[]> readers = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            Run one = runReaders(1, questions, seconds);
            Run four = runReaders(CLIENTS, questions, seconds);
            readers.add(new Run[]{one, four});
            System.out.printf(Locale.ROOT, "readers round %d: 1 → %.1f/s p95 %.1f ms %.2f cores; 4 → %.1f/s p95 %.1f ms "
                    + "%.2f cores (%s)%n", r + 1, one.rate(), one.p(95), one.cores(), four.rate(), four.p(95),
                    four.cores(), load());
        }
        String loadMiddle = load();

        ScaleData turns = new ScaleData(11, centroids, 0.03, 20_000);
        AtomicInteger scopes = new AtomicInteger();
        runWriters(1, turns, scopes, 5);
        runWriters(CLIENTS, turns, scopes, 5);
        List<Run[]> writers = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            Run one = runWriters(1, turns, scopes, seconds);
            Run four = runWriters(CLIENTS, turns, scopes, seconds);
            writers.add(new Run[]{one, four});
            System.out.printf(Locale.ROOT, "writers round %d: 1 → %.1f memories/s %.2f cores; 4 → %.1f memories/s "
                    + "%.2f cores (%s)%n", r + 1, one.rate(), one.cores(), four.rate(), four.cores(), load());
        }
        String report = report(memories, fill, rounds, seconds, readers, writers, loadStart, loadMiddle, load());
        Files.writeString(out.resolve("concurrency.md"), report);
        System.out.println(report);
    }

    /** Writes the synthetic memories straight through Cypher, as ScaleBenchTest does; returns the seconds it took. */
    private double fill(ScaleData data, int size) {
        long t0 = System.nanoTime();
        int filled = 0;
        String lastSession = null;
        while (filled < size) {
            int n = Math.min(5_000, size - filled);
            ScaleData.Batch b = data.batch(filled, n, lastSession);
            store.write(tx -> {
                Map<String, Object> p = new HashMap<>();
                p.put("scope", SCOPE);
                p.put("scopeKey", RememberService.scopeKey(SCOPE));
                p.put("now", Instant.now().atZone(ZoneOffset.UTC));
                p.put("rows", b.memories());
                tx.run("bench/insert_memories", p);
                tx.run("bench/insert_sessions", Map.of("scope", SCOPE, "sessions", b.sessions()));
                tx.run("bench/insert_next", Map.of("memories", b.memoryNext(), "sessions",
                        b.sessionNext().stream().map(x -> Map.of("from", SCOPE + "|" + x.get("from"),
                                "to", SCOPE + "|" + x.get("to"))).toList()));
                tx.run("bench/insert_keywords", Map.of("scope", SCOPE, "rows", b.keywords()));
                tx.run("bench/insert_links", Map.of("links", b.links(), "now", Instant.now().atZone(ZoneOffset.UTC)));
                return null;
            });
            filled += n;
            lastSession = b.lastSession();
        }
        // written by Cypher, not through Mnemograph: the in-process index reads the scope again at its next search
        if (vectors instanceof InProcessVectorIndex index) {
            index.reset();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "filled %d memories in %.1f s%n", size, s);
        return s;
    }

    /** n clients ask GRAPH recalls back to back for about this many seconds; every answer must carry memories. */
    private Run runReaders(int n, List<String> questions, double seconds) throws InterruptedException {
        AtomicInteger next = new AtomicInteger((int) (Math.random() * questions.size()));
        return run(n, seconds, (client, i) -> {
            String q = questions.get(Math.floorMod(next.getAndIncrement(), questions.size()));
            JsonObject answer = post(client, RECALL, new JsonObject().put("q", q).put("s", SCOPE));
            JsonArray got = answer.getJsonObject("data").getJsonArray("recall");
            assertFalse(got.isEmpty(), () -> "no memories recalled for " + q);
            return 1;
        });
    }

    /**
     * n writers, each into its own fresh scope, send rememberAll batches of one session's chat turns for about this
     * many seconds; counts memories stored.
     */
    private Run runWriters(int n, ScaleData turns, AtomicInteger scopes, double seconds) throws InterruptedException {
        String[] scope = new String[n];
        for (int w = 0; w < n; w++) {
            scope[w] = "concurrency-writer-" + scopes.incrementAndGet();
        }
        int[] sent = new int[n];
        return run(n, seconds, (client, w) -> {
            List<Map<String, Object>> batch;
            synchronized (turns) {
                batch = turns.batch(sent[w], BATCH, null).memories();
            }
            JsonArray in = new JsonArray();
            for (Map<String, Object> m : batch) {
                in.add(new JsonObject()
                        .put("scope", scope[w])
                        .put("content", m.get("content"))
                        .put("sessionId", "s" + (sent[w] / BATCH))
                        .put("externalId", "t" + sent[w]++)
                        .put("occurredAt", ((ZonedDateTime) m.get("occurredAt")).toInstant().toString()));
            }
            JsonArray stored = post(client, REMEMBER_ALL, new JsonObject().put("in", in)).getJsonObject("data")
                    .getJsonArray("rememberAll");
            assertEquals(BATCH, stored.size());
            return BATCH;
        });
    }

    interface Call {
        /** One call by client w; returns how many operations it did. */
        int call(HttpClient client, int w) throws Exception;
    }

    /**
     * Starts n threads together, each with its own HTTP client, calling until the time is up; the run lasts until the
     * last call in flight ends, so the rate counts only whole calls over the time they really took.
     */
    private Run run(int n, double seconds, Call call) throws InterruptedException {
        List<List<Double>> latencies = new ArrayList<>();
        long[] ops = new long[n];
        Throwable[] failure = new Throwable[1];
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long[] begin = new long[1];
        for (int w = 0; w < n; w++) {
            int id = w;
            List<Double> mine = new ArrayList<>();
            latencies.add(mine);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    long end = begin[0] + (long) (seconds * 1e9);
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        ops[id] += call.call(client, id);
                        mine.add((System.nanoTime() - t0) / 1e6);
                    }
                } catch (Throwable e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            }, "bench-client-" + w);
            threads.add(t);
            t.start();
        }
        long cpu0 = cpuNanos();
        begin[0] = System.nanoTime();
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double took = (System.nanoTime() - begin[0]) / 1e9;
        double cpu = (cpuNanos() - cpu0) / 1e9;
        if (failure[0] != null) {
            throw new AssertionError("a client failed", failure[0]);
        }
        double[] all = latencies.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
        long total = 0;
        for (long o : ops) {
            total += o;
        }
        assertTrue(total > 0, "no call finished");
        return new Run(n, total, took, cpu, all);
    }

    private JsonObject post(HttpClient client, String query, JsonObject variables) throws IOException,
            InterruptedException {
        String body = new JsonObject().put("query", query).put("variables", variables).encode();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JsonObject answer = new JsonObject(r.body());
        assertTrue(answer.getValue("errors") == null, () -> "GraphQL errors: " + r.body());
        return answer;
    }

    private static String report(int memories, double fill, int rounds, double seconds, List<Run[]> readers,
                                 List<Run[]> writers, String loadStart, String loadMiddle, String loadEnd) {
        StringBuilder b = new StringBuilder();
        b.append("## Throughput under concurrency, ").append(LocalDate.now()).append("\n\n");
        b.append(String.format(Locale.ROOT, "%d cores, Java %s, heap max %d MB. Load average (1/5/15 min) at start %s, "
                        + "after the readers %s, at the end %s. Each client is a thread with its own HTTP client posting to "
                        + "/graphql; each setting runs %.0f s, alternating 1 and %d clients for %d rounds.%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, loadStart, loadMiddle, loadEnd, seconds, CLIENTS, rounds));
        b.append(String.format(Locale.ROOT, "### Readers: GRAPH recall, limit 10, one scope of %,d memories "
                + "(filled in %.0f s)%n%n", memories, fill));
        b.append("| round | 1 client recalls/s | p50 / p95 ms | 4 clients recalls/s | p50 / p95 ms | rate ratio (target ≥ 1.6) "
                + "| p95 ratio (target ≤ 3) | JVM cores busy 1 → 4 | JVM CPU ms a recall 1 → 4 |\n"
                + "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (int r = 0; r < readers.size(); r++) {
            b.append(readerRow(String.valueOf(r + 1), readers.get(r)[0], readers.get(r)[1]));
        }
        b.append(readerRow("**pooled**", pool(readers, 0), pool(readers, 1)));
        b.append(String.format(Locale.ROOT, "%n### Writers: rememberAll, %d chat turns of one session a call, "
                + "each writer into its own fresh scope%n%n", BATCH));
        b.append("| round | 1 writer memories/s | call p50 / p95 ms | 4 writers memories/s | call p50 / p95 ms "
                + "| rate ratio (target ≥ 1.5) | JVM cores busy 1 → 4 | JVM CPU ms a memory 1 → 4 |\n"
                + "| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (int r = 0; r < writers.size(); r++) {
            b.append(writerRow(String.valueOf(r + 1), writers.get(r)[0], writers.get(r)[1]));
        }
        b.append(writerRow("**pooled**", pool(writers, 0), pool(writers, 1)));
        return b.toString();
    }

    private static String readerRow(String label, Run one, Run four) {
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f / %.1f | %.1f | %.1f / %.1f | %.2f× | %.2f× "
                        + "| %.2f → %.2f | %.1f → %.1f |%n", label,
                one.rate(), one.p(50), one.p(95), four.rate(), four.p(50), four.p(95), four.rate() / one.rate(),
                four.p(95) / one.p(95), one.cores(), four.cores(), one.cpuMsPerOp(), four.cpuMsPerOp());
    }

    private static String writerRow(String label, Run one, Run four) {
        return String.format(Locale.ROOT, "| %s | %.1f | %.0f / %.0f | %.1f | %.0f / %.0f | %.2f× | %.2f → %.2f "
                        + "| %.1f → %.1f |%n", label,
                one.rate(), one.p(50), one.p(95), four.rate(), four.p(50), four.p(95), four.rate() / one.rate(),
                one.cores(), four.cores(), one.cpuMsPerOp(), four.cpuMsPerOp());
    }

    /** All rounds of one setting together: operations over total time, every latency. */
    private static Run pool(List<Run[]> rounds, int which) {
        long ops = 0;
        double s = 0;
        double cpu = 0;
        List<Double> all = new ArrayList<>();
        for (Run[] r : rounds) {
            ops += r[which].operations();
            s += r[which].seconds();
            cpu += r[which].cpuSeconds();
            for (double v : r[which].latencies()) {
                all.add(v);
            }
        }
        return new Run(rounds.get(0)[which].clients(), ops, s, cpu, all.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
