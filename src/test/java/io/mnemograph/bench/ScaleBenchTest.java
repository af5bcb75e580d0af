package io.mnemograph.bench;

import io.mnemograph.config.MnemographConfig;
import io.mnemograph.embedding.Embedder;
import io.mnemograph.embedding.Vectors;
import io.mnemograph.graph.GraphStore;
import io.mnemograph.graph.InProcessVectorIndex;
import io.mnemograph.graph.MemoryVectors;
import io.mnemograph.graph.Values;
import io.mnemograph.memory.RecallRequest;
import io.mnemograph.memory.RecallStrategy;
import io.mnemograph.recall.RecallService;
import io.mnemograph.recall.RecallStatementTimer;
import io.mnemograph.recall.RecallTuning;
import io.mnemograph.remember.RememberService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Recall latency at scale: fills ONE scope with synthetic memories (see {@link ScaleData}) up to each size of
 * {@code -Dbench.sizes} (default 10000,100000), then asks real-text questions through RecallService and times, per
 * question and in the same run (so the machine's speed cancels out in the ratios): the query embedding alone, the
 * whole GRAPH recall, and the storage part (the same recall given the precomputed vector: every statement, fusion,
 * expansion, loading and reinforcing the memories). VECTOR and FULLTEXT for context, and each GRAPH statement on
 * its own to see where the storage time goes. Writes target/bench/scale.md and target/bench/recall-latency.png (and
 * copies the plot to docs/). Run: {@code ./mvnw -B verify -Pbench -Dbench=scale [-Dbench.sizes=10000,100000]
 * [-Dbench.questions=200] [-Dbench.tx=5000]}.
 */
@QuarkusTest
@TestProfile(BenchProfile.class)
@Tag("benchmark")
class ScaleBenchTest {

    static final String SCOPE = "scale-bench";
    static final int LIMIT = 10;
    static final int WARM_UP = 40;

    @Inject
    RecallService recall;
    @Inject
    Embedder embedder;
    @Inject
    GraphStore store;
    @Inject
    MnemographConfig config;
    @Inject
    MemoryVectors vectors;

    /** Per-question timings at one size, in milliseconds. */
    record Size(long memories, double fillSeconds, int transactions, String segments, String loadBefore,
                String loadAfter, double firstRecall, double vectorRecall,
                double[] embed, double[] graph, double[] graphStorage, double[] graphMinusEmbed,
                double[] vector, double[] vectorStorage, double[] fulltext, Map<String, double[]> statements) {
    }

    @Test
    void scale() throws IOException {
        String which = System.getProperty("bench", "locomo");
        Assumptions.assumeTrue(which.equals("scale") || which.equals("all"), "-Dbench=" + which);
        long[] sizes = Arrays.stream(System.getProperty("bench.sizes", "10000,100000").split(","))
                .mapToLong(s -> Long.parseLong(s.strip())).sorted().toArray();
        int questionCount = Integer.getInteger("bench.questions", 200);
        int txSize = Integer.getInteger("bench.tx", 5000);
        Path out = Path.of("target/bench");
        Files.createDirectories(out);

        float[][] centroids = new float[ScaleData.topics()][];
        for (int t = 0; t < centroids.length; t++) {
            centroids[t] = embedder.embed(ScaleData.topicSentence(t));
        }
        ScaleData data = new ScaleData(42, centroids, 0.03, 20_000);
        List<String> questions = data.questions(questionCount + WARM_UP);
        List<String> warmUp = questions.subList(questionCount, questions.size());
        questions = questions.subList(0, questionCount);

        List<Size> results = new ArrayList<>();
        List<String> allIds = new ArrayList<>();
        List<float[]> allVectors = new ArrayList<>();
        long filled = 0;
        String lastSession = null;
        for (long size : sizes) {
            String loadBefore = load();
            long t0 = System.nanoTime();
            int transactions = 0;
            while (filled < size) {
                int n = (int) Math.min(txSize, size - filled);
                ScaleData.Batch b = data.batch((int) filled, n, lastSession);
                for (Map<String, Object> m : b.memories()) {
                    allIds.add((String) m.get("id"));
                    allVectors.add(Values.floats(m.get("embedding")));
                }
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
                    tx.run("bench/insert_links", Map.of("links", b.links(),
                            "now", Instant.now().atZone(ZoneOffset.UTC)));
                    return null;
                });
                transactions++;
                filled += n;
                lastSession = b.lastSession();
            }
            double fillSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "filled %d memories in %.1f s (%d transactions of up to %d)%n", size,
                    fillSeconds, transactions, txSize);
            store.query("bench/index_state", Map.of()).forEach(r -> System.out.println("index " + r));
            // written by Cypher, not through Mnemograph: the in-process index reads the scope again at its next search
            if (vectors instanceof InProcessVectorIndex index) {
                index.reset();
            }
            long first = System.nanoTime();
            recall.recall(request(warmUp.get(0), RecallStrategy.GRAPH));
            double firstRecall = ms(first);
            double vectorRecall = vectorRecall(questions.subList(0, Math.min(50, questions.size())), allIds,
                    allVectors);
            System.out.printf(Locale.ROOT, "first recall of the scope %.0f ms; vector search recall@50 vs exact %.3f%n",
                    firstRecall, vectorRecall);
            System.out.printf(Locale.ROOT, "in-process vectors: %d held, %d bytes of heap, %.0f bytes a memory%n",
                    vectors.held(), vectors.heapBytes(), vectors.heapBytes() / (double) Math.max(1, vectors.held()));
            results.add(measure(size, fillSeconds, transactions, loadBefore, firstRecall, vectorRecall, warmUp,
                    questions));
        }
        String report = report(results, questionCount, txSize);
        Files.writeString(out.resolve("scale.md"), report);
        System.out.println(report);
        plot(results, out.resolve("recall-latency.png"));
    }

    /**
     * The share of the exact 50 nearest memories (an exact pass over every vector written) that the vector search of
     * recall finds, averaged over these questions: what the in-process index's binary shortlist costs in accuracy.
     */
    private double vectorRecall(List<String> questions, List<String> ids, List<float[]> all) {
        int k = 50;
        double found = 0;
        for (String q : questions) {
            float[] v = embedder.embed(q);
            Integer[] order = new Integer[all.size()];
            double[] cos = new double[all.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
                cos[i] = Vectors.cosine(v, all.get(i));
            }
            Arrays.sort(order, (a, b) -> Double.compare(cos[b], cos[a]));
            Set<String> exact = new HashSet<>();
            for (int i = 0; i < k && i < order.length; i++) {
                exact.add(ids.get(order[i]));
            }
            List<MemoryVectors.Hit> hits = store.read(tx -> vectors.searchable()
                    ? vectors.nearest(tx, SCOPE, v, k, Long.MAX_VALUE) : List.<MemoryVectors.Hit>of());
            found += hits.stream().filter(h -> exact.contains(h.id())).count() / (double) exact.size();
        }
        return vectors.searchable() ? found / questions.size() : Double.NaN;
    }

    private Size measure(long size, double fillSeconds, int transactions, String loadBefore, double firstRecall,
                         double vectorRecall, List<String> warmUp, List<String> questions) {
        RecallStrategy[] strategies = {RecallStrategy.GRAPH, RecallStrategy.VECTOR, RecallStrategy.FULLTEXT};
        // Warm up: planning of each statement shape, JIT of fusion, page cache of the indexes.
        for (String q : warmUp) {
            float[] v = embedder.embed(q);
            for (RecallStrategy s : strategies) {
                recall.recall(request(q, s));
                recall.recall(request(q, s), RecallTuning.DEFAULT, v);
            }
            RecallStatementTimer.time(store, vectors, request(q, RecallStrategy.GRAPH), v);
        }
        int n = questions.size();
        double[] embed = new double[n], graph = new double[n], graphStorage = new double[n],
                graphMinusEmbed = new double[n], vector = new double[n], vectorStorage = new double[n],
                fulltext = new double[n];
        // Interleaved per question, so a burst of load from other builds hits every measure alike.
        for (int i = 0; i < n; i++) {
            String q = questions.get(i);
            long t0 = System.nanoTime();
            float[] v = embedder.embed(q);
            embed[i] = ms(t0);
            t0 = System.nanoTime();
            recall.recall(request(q, RecallStrategy.GRAPH));
            graph[i] = ms(t0);
            graphMinusEmbed[i] = graph[i] - embed[i];
            t0 = System.nanoTime();
            recall.recall(request(q, RecallStrategy.GRAPH), RecallTuning.DEFAULT, v);
            graphStorage[i] = ms(t0);
            t0 = System.nanoTime();
            recall.recall(request(q, RecallStrategy.VECTOR));
            vector[i] = ms(t0);
            t0 = System.nanoTime();
            recall.recall(request(q, RecallStrategy.VECTOR), RecallTuning.DEFAULT, v);
            vectorStorage[i] = ms(t0);
            t0 = System.nanoTime();
            recall.recall(request(q, RecallStrategy.FULLTEXT));
            fulltext[i] = ms(t0);
        }
        Map<String, double[]> statements = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String q = questions.get(i);
            Map<String, Double> t = RecallStatementTimer.time(store, vectors, request(q, RecallStrategy.GRAPH),
                    embedder.embed(q));
            for (var e : t.entrySet()) {
                statements.computeIfAbsent(e.getKey(), k -> new double[n])[i] = e.getValue();
            }
        }
        Size s = new Size(size, fillSeconds, transactions, segments(), loadBefore, load(), firstRecall, vectorRecall,
                embed, graph, graphStorage,
                graphMinusEmbed, vector, vectorStorage, fulltext, statements);
        System.out.printf(Locale.ROOT, "%d memories: embed p50 %.2f, GRAPH p50 %.2f p95 %.2f, storage p50 %.2f%n",
                size, p(embed, 50), p(graph, 50), p(graph, 95), p(graphStorage, 50));
        return s;
    }

    private RecallRequest request(String q, RecallStrategy s) {
        return recall.request(q, SCOPE, LIMIT, s, null, null, null, false, 0.0);
    }

    private static String report(List<Size> results, int questions, int txSize) {
        StringBuilder b = new StringBuilder();
        b.append("## Recall latency at scale, ").append(LocalDate.now()).append("\n\n");
        b.append(String.format(Locale.ROOT, "%d cores, Java %s, heap max %d MB. One scope; synthetic memories written "
                        + "in transactions of %d; %d questions per size, limit %d, asked after %d warm-up questions. "
                        + "Milliseconds.%n%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, txSize, questions, LIMIT,
                WARM_UP));
        b.append("| memories | fill | index segments | load before → after | embed p50 / p95 | GRAPH p50 / p95 | GRAPH p50 ÷ embed p50 "
                + "| GRAPH p95 ÷ embed p50 | storage p50 / p95 | recall − embed p50 | VECTOR p50 / p95 "
                + "| VECTOR storage p50 | FULLTEXT p50 / p95 |\n");
        b.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Size s : results) {
            double e = p(s.embed(), 50);
            b.append(String.format(Locale.ROOT, "| %,d | %.0f s (%d tx, %.0f/s) | %s | %s → %s | %.2f / %.2f | %.2f / %.2f "
                            + "| **%.2f×** | **%.2f×** | **%.2f** / %.2f | %.2f | %.2f / %.2f | %.2f | %.2f / %.2f |%n",
                    s.memories(), s.fillSeconds(), s.transactions(), s.memories() / s.fillSeconds(), s.segments(),
                    s.loadBefore(),
                    s.loadAfter(), e, p(s.embed(), 95), p(s.graph(), 50), p(s.graph(), 95), p(s.graph(), 50) / e,
                    p(s.graph(), 95) / e, p(s.graphStorage(), 50), p(s.graphStorage(), 95),
                    p(s.graphMinusEmbed(), 50), p(s.vector(), 50), p(s.vector(), 95), p(s.vectorStorage(), 50),
                    p(s.fulltext(), 50), p(s.fulltext(), 95)));
        }
        b.append("\nVector search (embedded mode: the in-process index): recall@50 against an exact pass over every "
                + "vector, and the first recall of the scope after writing (it reads the scope's vectors):\n\n");
        b.append("| memories | vector search recall@50 | first recall |\n| --- | --- | --- |\n");
        for (Size s : results) {
            b.append(String.format(Locale.ROOT, "| %,d | %.3f | %.0f ms |%n", s.memories(), s.vectorRecall(),
                    s.firstRecall()));
        }
        b.append("\nGRAPH statement by statement (each timed on its own, p50 / p95 ms; rows/expand is a row count):\n\n");
        b.append("| memories |");
        List<String> names = new ArrayList<>(results.get(0).statements().keySet());
        names.forEach(n -> b.append(' ').append(n).append(" |"));
        b.append("\n| --- |");
        names.forEach(n -> b.append(" --- |"));
        b.append('\n');
        for (Size s : results) {
            b.append(String.format(Locale.ROOT, "| %,d |", s.memories()));
            for (String n : names) {
                double[] v = s.statements().get(n);
                b.append(String.format(Locale.ROOT, " %.2f / %.2f |", p(v, 50), p(v, 95)));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static void plot(List<Size> results, Path file) throws IOException {
        long[] sizes = results.stream().mapToLong(Size::memories).toArray();
        List<LatencyPlot.Series> series = List.of(
                new LatencyPlot.Series("GRAPH recall p95", new Color(200, 60, 40), false,
                        results.stream().mapToDouble(s -> p(s.graph(), 95)).toArray()),
                new LatencyPlot.Series("GRAPH recall p50", new Color(30, 90, 200), false,
                        results.stream().mapToDouble(s -> p(s.graph(), 50)).toArray()),
                new LatencyPlot.Series("storage part p50", new Color(40, 150, 70), false,
                        results.stream().mapToDouble(s -> p(s.graphStorage(), 50)).toArray()),
                new LatencyPlot.Series("query embedding p50", Color.GRAY, true,
                        results.stream().mapToDouble(s -> p(s.embed(), 50)).toArray()),
                new LatencyPlot.Series("3× embedding (p95 target)", new Color(230, 160, 150), true,
                        results.stream().mapToDouble(s -> 3 * p(s.embed(), 50)).toArray()),
                new LatencyPlot.Series("2× embedding (p50 target)", new Color(150, 180, 230), true,
                        results.stream().mapToDouble(s -> 2 * p(s.embed(), 50)).toArray()));
        LatencyPlot.draw(file, "Recall latency against store size (one scope, limit 10)", sizes, series);
        Path docs = Path.of("docs");
        if (Files.isDirectory(docs)) {
            Files.copy(file, docs.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Lucene segments of the vector and fulltext indexes (every query searches each vector segment's HNSW graph, so
     * their number weighs on vector latency; see STACK.md).
     */
    private String segments() {
        Path indexes = Path.of(config.dataDir(), "data/databases/neo4j/schema/index");
        try (var files = Files.walk(indexes)) {
            Map<String, Long> bySort = new java.util.TreeMap<>();
            files.filter(f -> f.toString().endsWith(".si")).forEach(f -> bySort.merge(
                    indexes.relativize(f).getName(0).toString().replace("-1.0", "").replace("-2.0", ""), 1L,
                    Long::sum));
            return bySort.toString().replaceAll("[{}]", "");
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** The 1/5/15-minute load averages, to say how busy the shared machine was. */
    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    static double p(double[] values, int pct) {
        return LocomoBenchTest.percentile(values, pct);
    }
}
