package io.mnemograph.bench;

import io.mnemograph.config.MnemographConfig;
import io.mnemograph.embedding.Embedder;
import io.mnemograph.embedding.Vectors;
import io.mnemograph.graph.GraphStore;
import io.mnemograph.graph.InProcessVectorIndex;
import io.mnemograph.graph.MemoryVectors;
import io.mnemograph.graph.Values;
import io.mnemograph.memory.MemoryDraft;
import io.mnemograph.memory.MemoryRules;
import io.mnemograph.memory.RecallRequest;
import io.mnemograph.memory.RecallStrategy;
import io.mnemograph.recall.RecallService;
import io.mnemograph.recall.RecallStatementTimer;
import io.mnemograph.recall.RecallTuning;
import io.mnemograph.remember.RememberService;
import io.mnemograph.time.TimeService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.io.IOException;
import java.lang.management.ManagementFactory;
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
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Recall latency at scale: fills the store with synthetic memories (see {@link ScaleData}) up to each size of
 * {@code -Dbench.sizes} (default 10000,100000), in one of two layouts ({@code -Dbench.layout}): {@code one}, every
 * memory in ONE scope (the default), or {@code spread}, the same memories spread evenly over
 * {@code -Dbench.scopes} (10,000) scopes, questions asked in scopes picked across them. Then asks real-text questions
 * through RecallService and times, per question and in the same run (so the machine's speed cancels out in the
 * ratios): the query embedding alone, the whole GRAPH recall, and the storage part (the same recall given the
 * precomputed vector: every statement, fusion, expansion, time ranking, loading the memories). VECTOR and FULLTEXT for
 * context, and each GRAPH statement on its own to see where the storage time goes. Also, per size: the vector search's
 * recall@50 against an exact pass, the heap the in-process vectors take (estimated, and measured after a GC) and how
 * long reading them all from the graph takes. Writes target/bench/scale-LAYOUT.md and .tsv, and
 * target/bench/recall-latency.png (both layouts, when both were run; copied to docs/). Run:
 * {@code ./mvnw -B verify -Pbench -Dbench=scale [-Dbench.sizes=10000,100000,1000000] [-Dbench.layout=one|spread]
 * [-Dbench.questions=200] [-Dbench.tx=5000]}.
 */
@QuarkusTest
@TestProfile(BenchProfile.class)
@Tag("benchmark")
class ScaleBenchTest {

    static final String SCOPE = "scale-bench";
    static final int LIMIT = 10;
    static final int WARM_UP = 40;
    /** Questions whose vector search is checked against an exact pass. */
    static final int CHECKED = 50;

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
    @Inject
    RememberService remember;
    @Inject
    TimeService time;

    /** Turns remembered at each size (issue 15: the ingest rate at 1M against 10k), in sessions of INGEST_SESSION. */
    static final int INGEST_TURNS = 400;
    static final int INGEST_SESSION = 10;

    /** Remembering real turns through the service (agent included) at one size, against embedding them alone. */
    record Ingest(int turns, double embedSeconds, double rememberSeconds) {
        double rate() {
            return turns / rememberSeconds;
        }

        double embedRate() {
            return turns / embedSeconds;
        }
    }

    /** Per-question timings at one size, in milliseconds. */
    record Size(long memories, double fillSeconds, int transactions, String segments, String loadBefore,
                String loadAfter, double firstRecall, double vectorRecall, long heapEstimate, long heapMeasured,
                double loadVectorsSeconds,
                double[] embed, double[] graph, double[] graphStorage, double[] graphMinusEmbed,
                double[] vector, double[] vectorStorage, double[] fulltext, Map<String, double[]> statements) {
    }

    /** Where the memories go and which scope each question asks. */
    record Layout(String name, int scopes) {
        boolean spread() {
            return scopes > 1;
        }

        String scope(int s) {
            return spread() ? "spread-" + s : SCOPE;
        }

        /** The scope question i asks: one scope, or scopes picked evenly across all of them. */
        String scopeOf(int i) {
            return scope(spread() ? (int) ((i * 7919L) % scopes) : 0);
        }
    }

    /**
     * The exact 50 nearest memories of each checked question (in the scope it asks), kept up to date as memories are
     * written, so no copy of a million vectors is held for the check.
     */
    static final class Truth {
        final List<float[]> queries = new ArrayList<>();
        final List<String> scopes = new ArrayList<>();
        final List<PriorityQueue<Map.Entry<Double, String>>> best = new ArrayList<>();

        void ask(float[] query, String scope) {
            queries.add(query);
            scopes.add(scope);
            best.add(new PriorityQueue<>(Map.Entry.comparingByKey()));
        }

        void offer(String scope, String id, float[] vector) {
            for (int j = 0; j < queries.size(); j++) {
                if (scopes.get(j).equals(scope)) {
                    PriorityQueue<Map.Entry<Double, String>> q = best.get(j);
                    q.add(Map.entry(Vectors.cosine(queries.get(j), vector), id));
                    if (q.size() > CHECKED) {
                        q.poll();
                    }
                }
            }
        }

        Set<String> exact(int j) {
            Set<String> out = new HashSet<>();
            best.get(j).forEach(e -> out.add(e.getValue()));
            return out;
        }
    }

    @Test
    void scale() throws IOException {
        String which = System.getProperty("bench", "locomo");
        Assumptions.assumeTrue(which.equals("scale") || which.equals("all"), "-Dbench=" + which);
        long[] sizes = Arrays.stream(System.getProperty("bench.sizes", "10000,100000").split(","))
                .mapToLong(s -> Long.parseLong(s.strip())).sorted().toArray();
        int questionCount = Integer.getInteger("bench.questions", 200);
        int txSize = Integer.getInteger("bench.tx", 5000);
        String layoutName = System.getProperty("bench.layout", "one");
        Layout layout = switch (layoutName) {
            case "one" -> new Layout("one", 1);
            case "spread" -> new Layout("spread", Integer.getInteger("bench.scopes", 10_000));
            default -> throw new IllegalArgumentException("-Dbench.layout=" + layoutName + ": one or spread");
        };
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
        Truth truth = new Truth();
        for (int j = 0; j < Math.min(CHECKED, questions.size()); j++) {
            truth.ask(embedder.embed(questions.get(j)), layout.scopeOf(j));
        }

        List<Size> results = new ArrayList<>();
        List<Ingest> ingests = new ArrayList<>();
        long[] filledPerScope = new long[layout.scopes()];
        String[] lastSession = new String[layout.scopes()];
        long filled = 0;
        for (long size : sizes) {
            String loadBefore = load();
            long t0 = System.nanoTime();
            int transactions = 0;
            // one transaction holds up to txSize memories (of one scope, or of as many scopes as fit)
            List<Map.Entry<String, ScaleData.Batch>> pending = new ArrayList<>();
            int pendingMemories = 0;
            for (int s = 0; s < layout.scopes(); s++) {
                long target = size / layout.scopes() + (s < size % layout.scopes() ? 1 : 0);
                while (filledPerScope[s] < target) {
                    int n = (int) Math.min(txSize - pendingMemories, target - filledPerScope[s]);
                    if (layout.spread()) {
                        data.forgetRecent();
                    }
                    ScaleData.Batch b = data.batch((int) filled, n, lastSession[s]);
                    String scope = layout.scope(s);
                    for (Map<String, Object> m : b.memories()) {
                        truth.offer(scope, (String) m.get("id"), (float[]) m.get("embedding"));
                    }
                    pending.add(Map.entry(scope, b));
                    pendingMemories += n;
                    filledPerScope[s] += n;
                    filled += n;
                    lastSession[s] = b.lastSession();
                    if (pendingMemories >= txSize) {
                        write(pending);
                        transactions++;
                        pending.clear();
                        pendingMemories = 0;
                    }
                }
            }
            if (!pending.isEmpty()) {
                write(pending);
                transactions++;
            }
            double fillSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "filled %d memories (%s layout) in %.1f s (%d transactions of up to %d)%n",
                    size, layout.name(), fillSeconds, transactions, txSize);
            store.query("bench/index_state", Map.of()).forEach(r -> System.out.println("index " + r));
            // written by Cypher, not through Mnemograph: the in-process index reads every scope again, timed, and
            // the heap it then holds is measured
            long heapBefore = usedHeap();
            if (vectors instanceof InProcessVectorIndex index) {
                index.reset();
            }
            long heapEmpty = usedHeap();
            long tLoad = System.nanoTime();
            vectors.preload(store);
            double loadVectors = (System.nanoTime() - tLoad) / 1e9;
            long heapMeasured = usedHeap() - heapEmpty;
            System.out.printf(Locale.ROOT, "read every vector in %.1f s; heap %d MB before, %d MB after a reset, "
                    + "%d MB with them%n", loadVectors, heapBefore >> 20, heapEmpty >> 20, (heapEmpty + heapMeasured) >> 20);
            long first = System.nanoTime();
            recall.recall(request(warmUp.get(0), RecallStrategy.GRAPH, layout.scopeOf(0)));
            double firstRecall = ms(first);
            double vectorRecall = vectorRecall(truth);
            System.out.printf(Locale.ROOT, "first recall %.0f ms; vector search recall@50 vs exact %.3f%n",
                    firstRecall, vectorRecall);
            System.out.printf(Locale.ROOT, "in-process vectors: %d held, %d bytes of heap estimated (%.0f a memory), "
                            + "%d measured (%.0f a memory)%n", vectors.held(), vectors.heapBytes(),
                    vectors.heapBytes() / (double) Math.max(1, vectors.held()), heapMeasured,
                    heapMeasured / (double) Math.max(1, vectors.held()));
            results.add(measure(layout, size, fillSeconds, transactions, loadBefore, firstRecall, vectorRecall,
                    vectors.heapBytes(), heapMeasured, loadVectors, warmUp, questions));
            ingests.add(ingest(layout, data, ingests.size()));
        }
        String report = report(layout, results, questionCount, txSize) + ingestReport(results, ingests);
        Files.writeString(out.resolve("scale-" + layout.name() + ".md"), report);
        Files.writeString(out.resolve("scale-" + layout.name() + ".tsv"), tsv(results));
        System.out.println(report);
        plot(out, out.resolve("recall-latency.png"));
    }

    /** Writes these batches (scope, memories) in one transaction, as the agent would have left them. */
    private void write(List<Map.Entry<String, ScaleData.Batch>> batches) {
        List<Map<String, Object>> memories = new ArrayList<>();
        List<Map<String, Object>> sessions = new ArrayList<>();
        List<Map<String, Object>> keywords = new ArrayList<>();
        List<Map<String, Object>> memoryNext = new ArrayList<>();
        List<Map<String, Object>> sessionNext = new ArrayList<>();
        List<Map<String, Object>> links = new ArrayList<>();
        for (var e : batches) {
            String scope = e.getKey();
            ScaleData.Batch b = e.getValue();
            memories.add(Map.of("scope", scope, "scopeKey", RememberService.scopeKey(scope), "rows", b.memories()));
            sessions.add(Map.of("scope", scope, "sessions", b.sessions()));
            keywords.add(Map.of("scope", scope, "rows", b.keywords()));
            memoryNext.addAll(b.memoryNext());
            b.sessionNext().forEach(x -> sessionNext.add(Map.of("from", scope + "|" + x.get("from"),
                    "to", scope + "|" + x.get("to"))));
            links.addAll(b.links());
        }
        store.write(tx -> {
            Object now = Instant.now().atZone(ZoneOffset.UTC);
            tx.run("bench/insert_scopes", Map.of("scopes", memories, "now", now));
            tx.run("bench/insert_scope_sessions", Map.of("scopes", sessions));
            tx.run("bench/insert_next", Map.of("memories", memoryNext, "sessions", sessionNext));
            tx.run("bench/insert_scope_keywords", Map.of("scopes", keywords));
            tx.run("bench/insert_links", Map.of("links", links, "now", now));
            return null;
        });
    }

    /** Heap in use after a full collection, in bytes. */
    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * The share of the exact 50 nearest memories of each checked question's scope that the vector search of recall
     * finds: what the in-process index's binary and int8 shortlist costs in accuracy.
     */
    private double vectorRecall(Truth truth) {
        if (!vectors.searchable()) {
            return Double.NaN;
        }
        double found = 0;
        for (int j = 0; j < truth.queries.size(); j++) {
            Set<String> exact = truth.exact(j);
            float[] v = truth.queries.get(j);
            String scope = truth.scopes.get(j);
            List<MemoryVectors.Hit> hits = store.read(tx -> vectors.nearest(tx, scope, v, CHECKED, Long.MAX_VALUE));
            found += hits.stream().filter(h -> exact.contains(h.id())).count() / (double) Math.max(1, exact.size());
        }
        return found / truth.queries.size();
    }

    private Size measure(Layout layout, long size, double fillSeconds, int transactions, String loadBefore,
                         double firstRecall, double vectorRecall, long heapEstimate, long heapMeasured,
                         double loadVectors, List<String> warmUp, List<String> questions) {
        RecallStrategy[] strategies = {RecallStrategy.GRAPH, RecallStrategy.VECTOR, RecallStrategy.FULLTEXT};
        // Warm up: planning of each statement shape, JIT of fusion, page cache of the indexes.
        for (int i = 0; i < warmUp.size(); i++) {
            String q = warmUp.get(i);
            String scope = layout.scopeOf(i + 1);
            float[] v = embedder.embed(q);
            for (RecallStrategy s : strategies) {
                recall.recall(request(q, s, scope));
                recall.recall(request(q, s, scope), RecallTuning.DEFAULT, v);
            }
            RecallStatementTimer.time(store, vectors, request(q, RecallStrategy.GRAPH, scope), v);
        }
        int n = questions.size();
        double[] embed = new double[n], graph = new double[n], graphStorage = new double[n],
                graphMinusEmbed = new double[n], vector = new double[n], vectorStorage = new double[n],
                fulltext = new double[n];
        // Interleaved per question, so a burst of load from other builds hits every measure alike.
        for (int i = 0; i < n; i++) {
            String q = questions.get(i);
            String scope = layout.scopeOf(i);
            long t0 = System.nanoTime();
            float[] v = embedder.embed(q);
            embed[i] = ms(t0);
            t0 = System.nanoTime();
            recall.recall(request(q, RecallStrategy.GRAPH, scope));
            graph[i] = ms(t0);
            graphMinusEmbed[i] = graph[i] - embed[i];
            t0 = System.nanoTime();
            recall.recall(request(q, RecallStrategy.GRAPH, scope), RecallTuning.DEFAULT, v);
            graphStorage[i] = ms(t0);
            t0 = System.nanoTime();
            recall.recall(request(q, RecallStrategy.VECTOR, scope));
            vector[i] = ms(t0);
            t0 = System.nanoTime();
            recall.recall(request(q, RecallStrategy.VECTOR, scope), RecallTuning.DEFAULT, v);
            vectorStorage[i] = ms(t0);
            t0 = System.nanoTime();
            recall.recall(request(q, RecallStrategy.FULLTEXT, scope));
            fulltext[i] = ms(t0);
        }
        Map<String, double[]> statements = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String q = questions.get(i);
            Map<String, Double> t = RecallStatementTimer.time(store, vectors, request(q, RecallStrategy.GRAPH,
                    layout.scopeOf(i)), embedder.embed(q));
            for (var e : t.entrySet()) {
                statements.computeIfAbsent(e.getKey(), k -> new double[n])[i] = e.getValue();
            }
        }
        Size s = new Size(size, fillSeconds, transactions, segments(), loadBefore, load(), firstRecall, vectorRecall,
                heapEstimate, heapMeasured, loadVectors, embed, graph, graphStorage,
                graphMinusEmbed, vector, vectorStorage, fulltext, statements);
        System.out.printf(Locale.ROOT, "%d memories: embed p50 %.2f, GRAPH p50 %.2f p95 %.2f, storage p50 %.2f%n",
                size, p(embed, 50), p(graph, 50), p(graph, 95), p(graphStorage, 50));
        return s;
    }

    /**
     * Remembers {@value #INGEST_TURNS} new chat turns (the fill's kind of text) through {@link RememberService}, one
     * {@code rememberAll} batch per session of {@value #INGEST_SESSION}, into the scopes the questions ask, with the
     * default agent; each session's turns are also embedded alone, the order alternating from session to session
     * (as the ingest benchmark does), so the machine's load cancels out of the ratio.
     */
    private Ingest ingest(Layout layout, ScaleData data, int round) {
        MemoryRules rules = new MemoryRules(config.limits().maxContentBytes(), config.limits().maxLabels());
        List<Map<String, Object>> turns = data.batch(2_000_000_000 - (round + 1) * INGEST_TURNS, INGEST_TURNS, null)
                .memories();
        List<List<MemoryDraft>> sessions = new ArrayList<>();
        for (int i = 0; i < turns.size(); i += INGEST_SESSION) {
            List<MemoryDraft> batch = new ArrayList<>();
            String scope = layout.scopeOf(i / INGEST_SESSION);
            for (Map<String, Object> t : turns.subList(i, Math.min(turns.size(), i + INGEST_SESSION))) {
                batch.add(rules.draft(null, (String) t.get("content"), scope, "ingest-" + round + "-" + i,
                        null, null, List.of(), List.of(), Map.of()));
            }
            sessions.add(batch);
        }
        List<String> remembered = new ArrayList<>();
        // warm-up: one session remembered and embedded, not counted
        remember.rememberAll(sessions.get(0)).forEach(m -> remembered.add(m.id()));
        embedder.embedAll(sessions.get(0).stream().map(MemoryDraft::content).toList());
        long embedNanos = 0;
        long rememberNanos = 0;
        int counted = 0;
        for (int i = 1; i < sessions.size(); i++) {
            List<MemoryDraft> batch = sessions.get(i);
            for (int step = 0; step < 2; step++) {
                boolean embedNow = (step == 0) == (i % 2 == 0);
                long t0 = System.nanoTime();
                if (embedNow) {
                    embedder.embedAll(batch.stream().map(MemoryDraft::content).toList());
                    embedNanos += System.nanoTime() - t0;
                } else {
                    List<io.mnemograph.memory.Memory> stored = remember.rememberAll(batch);
                    rememberNanos += System.nanoTime() - t0;
                    stored.forEach(m -> remembered.add(m.id()));
                }
            }
            counted += batch.size();
        }
        // erased again (hard forget), so that the next size's questions meet the fill's graph and the exact check
        // stays exact; what the agent changed on the fill's memories (notes, links to them) goes or stays with it
        remembered.forEach(id -> time.forget(id, true));
        Ingest in = new Ingest(counted, embedNanos / 1e9, rememberNanos / 1e9);
        System.out.printf(Locale.ROOT, "ingest: %d turns remembered at %.1f/s, embedded alone at %.1f/s (%.2f×)%n",
                counted, in.rate(), in.embedRate(), in.rate() / in.embedRate());
        return in;
    }

    private static String ingestReport(List<Size> results, List<Ingest> ingests) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%nIngest at each size: %d new turns through "
                + "RememberService (default agent, rememberAll per session of %d), each session also embedded alone, "
                + "alternating (turns/s):%n%n| memories | embedding alone | remembered | ratio | remembered ÷ at %,d |"
                + "%n| --- | --- | --- | --- | --- |%n", INGEST_TURNS, INGEST_SESSION, results.get(0).memories()));
        Ingest first = ingests.get(0);
        for (int i = 0; i < ingests.size(); i++) {
            Ingest in = ingests.get(i);
            b.append(String.format(Locale.ROOT, "| %,d | %.1f | %.1f | %.2f× | **%.2f×** (against the embedding: "
                            + "%.2f×) |%n", results.get(i).memories(), in.embedRate(), in.rate(),
                    in.rate() / in.embedRate(), in.rate() / first.rate(),
                    (in.rate() / in.embedRate()) / (first.rate() / first.embedRate())));
        }
        return b.toString();
    }

    private RecallRequest request(String q, RecallStrategy s, String scope) {
        return recall.request(q, scope, LIMIT, s, null, null, null, false, 0.0);
    }

    private static String report(Layout layout, List<Size> results, int questions, int txSize) {
        StringBuilder b = new StringBuilder();
        b.append("## Recall latency at scale, ").append(LocalDate.now()).append(", layout ").append(layout.name())
                .append("\n\n");
        b.append(String.format(Locale.ROOT, "%d cores, Java %s, heap max %d MB. %s; synthetic memories written "
                        + "in transactions of %d; %d questions per size, limit %d, asked after %d warm-up questions. "
                        + "Milliseconds.%n%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
                layout.spread() ? "Spread evenly over " + layout.scopes() + " scopes, each question in one of them"
                        : "One scope", txSize, questions, LIMIT, WARM_UP));
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
        b.append("\nVector search (embedded mode: the in-process index): recall@50 against an exact pass over the "
                + "scope's vectors; the heap the in-process vectors take (`MemoryVectors.heapBytes`, and measured: heap "
                + "after a full GC with them minus without them); the time to read them all from the graph; the first "
                + "recall after that:\n\n");
        b.append("| memories | vector search recall@50 | heap estimated | heap measured | reading every vector "
                + "| first recall |\n| --- | --- | --- | --- | --- | --- |\n");
        for (Size s : results) {
            b.append(String.format(Locale.ROOT, "| %,d | %.3f | %.1f MB (%.0f B a memory) | %.1f MB (%.0f B a memory) "
                            + "| %.1f s | %.0f ms |%n", s.memories(), s.vectorRecall(), s.heapEstimate() / 1e6,
                    s.heapEstimate() / (double) s.memories(), s.heapMeasured() / 1e6,
                    s.heapMeasured() / (double) s.memories(), s.loadVectorsSeconds(), s.firstRecall()));
        }
        b.append("\nGRAPH statement by statement (each timed on its own, p50 / p95 ms; rows/exact and rows/expand are row counts: the exact vectors read, the expansion's rows):\n\n");
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

    /** One line per size: what the plot draws, so a run of the other layout can draw both. */
    private static String tsv(List<Size> results) {
        StringBuilder b = new StringBuilder("memories\tembed_p50\tgraph_p50\tgraph_p95\tstorage_p50\tstorage_p95\n");
        for (Size s : results) {
            b.append(String.format(Locale.ROOT, "%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f%n", s.memories(), p(s.embed(), 50),
                    p(s.graph(), 50), p(s.graph(), 95), p(s.graphStorage(), 50), p(s.graphStorage(), 95)));
        }
        return b.toString();
    }

    /**
     * The storage part at each size for each layout whose .tsv exists with the same sizes as the first one found,
     * against the budget (issue 15: p50 10 ms, p95 20 ms at 100k) and the query embedding.
     */
    private static void plot(Path dir, Path file) throws IOException {
        long[] sizes = null;
        List<LatencyPlot.Series> series = new ArrayList<>();
        double[] embed = null;
        Color[][] colors = {{new Color(40, 150, 70), new Color(200, 60, 40)},
                {new Color(30, 90, 200), new Color(230, 140, 30)}};
        String[] layouts = {"one", "spread"};
        String[] labels = {"one scope", "10,000 scopes"};
        for (int l = 0; l < layouts.length; l++) {
            Path f = dir.resolve("scale-" + layouts[l] + ".tsv");
            if (!Files.exists(f)) {
                continue;
            }
            List<double[]> rows = Files.readAllLines(f).stream().skip(1).filter(x -> !x.isBlank())
                    .map(x -> Arrays.stream(x.split("\t")).mapToDouble(Double::parseDouble).toArray()).toList();
            long[] these = rows.stream().mapToLong(r -> (long) r[0]).toArray();
            if (sizes != null && !Arrays.equals(sizes, these)) {
                continue;
            }
            sizes = these;
            series.add(new LatencyPlot.Series(labels[l] + ": storage p95", colors[l][1], false,
                    rows.stream().mapToDouble(r -> r[5]).toArray()));
            series.add(new LatencyPlot.Series(labels[l] + ": storage p50", colors[l][0], false,
                    rows.stream().mapToDouble(r -> r[4]).toArray()));
            if (embed == null) {
                embed = rows.stream().mapToDouble(r -> r[1]).toArray();
            }
        }
        if (sizes == null) {
            return;
        }
        int n = sizes.length;
        series.add(new LatencyPlot.Series("query embedding p50", Color.GRAY, true, embed));
        series.add(new LatencyPlot.Series("budget p95 20 ms", new Color(230, 160, 150), true, filled(n, 20)));
        series.add(new LatencyPlot.Series("budget p50 10 ms", new Color(150, 180, 230), true, filled(n, 10)));
        LatencyPlot.draw(file, "Recall storage part against store size (limit 10)", sizes, series);
        Path docs = Path.of("docs");
        if (Files.isDirectory(docs)) {
            Files.copy(file, docs.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static double[] filled(int n, double value) {
        double[] out = new double[n];
        Arrays.fill(out, value);
        return out;
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
