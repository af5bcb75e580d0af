package io.mnemograph.bench;

import io.mnemograph.config.MnemographConfig;
import io.mnemograph.embedding.Embedder;
import io.mnemograph.memory.MemoryDraft;
import io.mnemograph.memory.MemoryRules;
import io.mnemograph.memory.RecallStrategy;
import io.mnemograph.memory.Recollection;
import io.mnemograph.recall.RecallService;
import io.mnemograph.recall.RecallTuning;
import io.mnemograph.remember.RememberService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * LoCoMo retrieval benchmark: ingests a LoCoMo-format file through RememberService.rememberAll (one batch per session,
 * the mapping of ../shared/checks/locomo_graphql.py), asks every question of categories 1-4 with every strategy and
 * the ablations of GRAPH, and writes the table to target/bench/locomo.md (runs as JSONL beside it, scorable with
 * locomo_retrieval_eval.py). Run: {@code ./mvnw -B verify -Pbench -Dbench=locomo [-Dbench.data=FILE]
 * [-Dbench.sweep=true]}. {@code -Dbench.server=true} runs it in server mode (a Neo4j 5.26 server in a child JVM, see
 * {@link BenchProfile}); {@code -Dbench.otherScopes=N} first fills N other scopes of 100 synthetic memories each
 * ({@link ScaleData}), so that LoCoMo's memories share the store, and Neo4j's vector index, with many others.
 */
@QuarkusTest
@TestProfile(BenchProfile.class)
@Tag("benchmark")
class LocomoBenchTest {

    static final int LIMIT = Integer.getInteger("bench.limit", 20);
    static final int OTHER_SCOPES = Integer.getInteger("bench.otherScopes", 0);
    static final int OTHER_SCOPE_SIZE = Integer.getInteger("bench.otherScopeSize", 100);
    /** Questions about nothing in any conversation: the top score they get calibrates minScore. */
    static final List<String> OFF_TOPIC = List.of("What is the boiling point of liquid nitrogen?",
            "How do I configure a BGP route reflector?", "Which enzyme splits lactose in the small intestine?",
            "What is the torque spec for a Honda CBR600 oil drain bolt?", "Who won the 1954 FIFA World Cup final?",
            "How many moons does Neptune have?", "What is the syntax of a Rust lifetime annotation?",
            "Explain the Krebs cycle step by step", "xqzv plorth wendigo frambulate", "What is the capital of Burkina Faso?",
            "How is a Kalman filter initialised?", "What is the half-life of carbon-14?");

    @Inject
    RememberService remember;
    @Inject
    RecallService recall;
    @Inject
    Embedder embedder;
    @Inject
    io.mnemograph.graph.GraphStore store;
    @Inject
    io.mnemograph.agent.MemoryAgent agent;
    @Inject
    MnemographConfig config;
    @Inject
    io.mnemograph.recall.ReinforcementWriter reinforcement;
    @Inject
    io.mnemograph.graph.MemoryVectors vectors;

    /** Undoes what recalls reinforced, after writing what is still queued (it would land after the reset otherwise). */
    private void resetRecallUse(List<String> scopes) {
        reinforcement.flush();
        store.update("bench/reset_recall_use", Map.of("scopes", scopes));
    }


    record Variant(String name, RecallStrategy strategy, RecallTuning tuning, String what) {
    }

    /** One scored question's metrics under one variant. */
    record Scored(String sampleId, String category, Map<String, Double> metrics) {
    }

    record Result(Variant variant, Map<String, Map<String, Double>> table, double p50, double p95,
                  List<Scored> scored) {
    }

    static List<Variant> variants() {
        RecallTuning d = RecallTuning.DEFAULT;
        return List.of(
                new Variant("VECTOR", RecallStrategy.VECTOR, d, "bge-small cosine alone"),
                new Variant("FULLTEXT", RecallStrategy.FULLTEXT, d, "Lucene BM25 (english analyzer) alone"),
                new Variant("HYBRID", RecallStrategy.HYBRID, d, "calibrated blend of cosine and BM25"),
                new Variant("GRAPH", RecallStrategy.GRAPH, d, "the default: blend + speaker + session + graph expansion"),
                new Variant("hybrid, naive RRF", RecallStrategy.HYBRID, d.withRrf(true), "RRF (k=60) instead of the blend"),
                new Variant("GRAPH - expansion", RecallStrategy.GRAPH, d.withExpansion(0, 1, 0), "no NEXT/LINKED/keyword neighbours"),
                new Variant("GRAPH - session", RecallStrategy.GRAPH, d.withSessionWeight(0), "no session lift"),
                new Variant("GRAPH - speaker", RecallStrategy.GRAPH, d.withSpeakerWeight(0), "no bonus for turns said by someone the query names"),
                new Variant("GRAPH - links", RecallStrategy.GRAPH, d.withLinkWeight(0), "no LINKED neighbours"),
                new Variant("GRAPH - event time", RecallStrategy.GRAPH, d.withEventTime(false).withEventWeight(0),
                        "time words match only when memories were said; no prior for memories placing an event in time"),
                new Variant("GRAPH - event prior", RecallStrategy.GRAPH, d.withEventWeight(0), "event time still matched"),
                new Variant("GRAPH - redundancy", RecallStrategy.GRAPH, d.withRedundancy(0), "no reranking by what a memory repeats"),
                new Variant("GRAPH - brevity", RecallStrategy.GRAPH, d.withBrevity(0, d.brevityLength()), "no penalty for short memories"),
                new Variant("GRAPH, brevity 0.2 to 150", RecallStrategy.GRAPH, d.withBrevity(0.2, 150), "only the shortest penalised"),
                new Variant("GRAPH + keywords 0.15", RecallStrategy.GRAPH, d.withKeywordWeight(0.15), "shared-keyword neighbours too"),
                new Variant("GRAPH, candidates 100", RecallStrategy.GRAPH, d.withCandidates(100),
                        "the default until issue 15 (twice the candidates from each index)"),
                new Variant("GRAPH, candidates 70", RecallStrategy.GRAPH, d.withCandidates(70), ""),
                new Variant("GRAPH, seeds 10", RecallStrategy.GRAPH, d.withSeeds(10), "half the seeds expanded"),
                new Variant("GRAPH, links 0.1", RecallStrategy.GRAPH, d.withLinkWeight(0.1), ""),
                new Variant("GRAPH, links 0.15", RecallStrategy.GRAPH, d.withLinkWeight(0.15), ""),
                new Variant("GRAPH, links 0.2", RecallStrategy.GRAPH, d.withLinkWeight(0.2), ""),
                new Variant("GRAPH, next 0.2", RecallStrategy.GRAPH, d.withNextWeight(0.2), ""),
                new Variant("GRAPH, text 0.4", RecallStrategy.GRAPH, d.withTextWeight(0.4), ""));
    }

    /** A tuning grid around the default, for -Dbench.sweep=true. */
    static List<Variant> sweep() {
        RecallTuning d = RecallTuning.DEFAULT;
        List<Variant> out = new ArrayList<>();
        for (double v : new double[] {0.1, 0.35, 0.5}) {
            out.add(new Variant("speaker=" + v, RecallStrategy.GRAPH, d.withSpeakerWeight(v), ""));
        }
        for (double v : new double[] {0.25, 0.5}) {
            out.add(new Variant("text=" + v, RecallStrategy.GRAPH, d.withTextWeight(v), ""));
        }
        for (double v : new double[] {0.1, 0.35}) {
            out.add(new Variant("session=" + v, RecallStrategy.GRAPH, d.withSessionWeight(v), ""));
        }
        for (double v : new double[] {0.08, 0.25}) {
            out.add(new Variant("next=" + v, RecallStrategy.GRAPH, d.withNextWeight(v), ""));
        }
        for (double v : new double[] {0.1, 0.3}) {
            out.add(new Variant("brevity=" + v, RecallStrategy.GRAPH, d.withBrevity(v, d.brevityLength()), ""));
        }
        for (int v : new int[] {200, 500}) {
            out.add(new Variant("brevityLength=" + v, RecallStrategy.GRAPH, d.withBrevity(d.brevityWeight(), v), ""));
        }
        out.add(new Variant("seeds=10", RecallStrategy.GRAPH, d.withSeeds(10), ""));
        out.add(new Variant("names=0.05", RecallStrategy.GRAPH, d.withNameWeight(0.05), ""));
        return out;
    }

    @Test
    void locomo() throws IOException {
        String which = System.getProperty("bench", "locomo");
        Assumptions.assumeTrue(which.equals("locomo") || which.equals("all"), "-Dbench=" + which);
        Path data = Path.of(System.getProperty("bench.data", "../shared/data/locomo-dev.json"));
        Assumptions.assumeTrue(Files.exists(data), "no LoCoMo data at " + data.toAbsolutePath());
        Path out = Path.of("target/bench");
        Files.createDirectories(out);

        List<Locomo.Conversation> conversations = Locomo.read(data);
        long held = (Long) store.query("bench/scope_count", Map.of("scopes",
                conversations.stream().map(Locomo.Conversation::sampleId).toList())).get(0).get("memories");
        String others = held > 0 ? "" : fillOtherScopes(OTHER_SCOPES);
        // -Dbench.graph=DIR: a database that holds the conversations already is recalled from as it is
        Ingest ingest = held > 0 ? new Ingest(0, 0, "Ingest skipped: the database in -Dbench.graph holds the "
                + "conversations already (" + held + " memories).") : ingest(conversations);
        String ingestLine = storage() + others + "\n\n" + ingest.line();
        int turns = ingest.turns();
        double ingestSeconds = ingest.seconds();
        List<Locomo.Question> asked = conversations.stream().flatMap(c -> c.questions().stream()).toList();
        List<Locomo.Question> questions = asked.stream().filter(Locomo.Question::scored).toList();

        double[] embedMs = new double[questions.size()];
        for (int i = 0; i < questions.size(); i++) {
            long e0 = System.nanoTime();
            embedder.embed(questions.get(i).question());
            embedMs[i] = (System.nanoTime() - e0) / 1e6;
        }
        List<Variant> variants = new ArrayList<>(variants());
        if (Boolean.getBoolean("bench.sweep")) {
            variants.addAll(sweep());
        }
        List<Variant> grid = Boolean.getBoolean("bench.cv") ? CrossValidation.grid() : List.of();
        variants.addAll(grid);
        String only = System.getProperty("bench.only", "");
        if (!only.isBlank()) {
            variants.removeIf(v -> !v.name().matches(only) && !grid.contains(v));
        }
        List<Result> results = new ArrayList<>();
        List<String> scopes = conversations.stream().map(Locomo.Conversation::sampleId).toList();
        for (Variant v : variants) {
            results.add(run(v, asked, scopes, out));
        }
        dumpLinks(scopes, out);
        if (Boolean.getBoolean("bench.dump")) {
            dump(asked, scopes, out);
        }
        String cv = CrossValidation.report(results, scopes, grid);
        String report = report(data, conversations.size(), turns, Math.max(ingestSeconds, 1e-9), questions.size(),
                embedMs, results, calibration(questions, scopes)) + cv.replaceFirst("\n\n", "\n\n" + java.util.regex.Matcher.quoteReplacement(ingestLine) + "\n\n");
        Files.writeString(out.resolve("locomo.md"), report);
        System.out.println(report);
    }

    /**
     * The ingest rate alone, cold and in steady state: {@code ./mvnw -B verify -Pbench -Dbench=ingest}. The dev
     * conversations are remembered twice in one JVM, first into scopes of their own ({@code <sample>-first-pass}: a
     * fresh JVM, an empty database, statements planned and compiled as they come), then into their usual scopes, as a
     * server that has been running a while would. Both lines are printed and written to target/bench/ingest.md.
     */
    @Test
    void ingestOnly() throws IOException {
        Assumptions.assumeTrue(System.getProperty("bench", "locomo").equals("ingest"), "-Dbench=ingest");
        Path data = Path.of(System.getProperty("bench.data", "../shared/data/locomo-dev.json"));
        Assumptions.assumeTrue(Files.exists(data), "no LoCoMo data at " + data.toAbsolutePath());
        List<Locomo.Conversation> conversations = Locomo.read(data);
        Ingest cold = ingest(conversations.stream().map(c -> new Locomo.Conversation(c.sampleId() + "-first-pass",
                c.sessions(), c.questions())).toList());
        Ingest steady = ingest(conversations);
        List<List<MemoryDraft>> sessions = new ArrayList<>();
        for (Locomo.Conversation c : conversations) {
            c.sessions().forEach(s -> sessions.add(drafts(c, s)));
        }
        double backToBack = embedAlone(sessions);
        String reference = String.format(Locale.ROOT, "Embedding alone, every session back to back with nothing in "
                + "between: %.1f turns/s.", steady.turns() / backToBack);
        System.out.println(reference);
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        Files.writeString(out.resolve("ingest.md"), "First pass (cold JVM, empty database): " + cold.line()
                + "\n\nSecond pass (same JVM, steady state): " + steady.line() + "\n\n" + reference + "\n");
    }

    /** Which storage answered: the mode, Neo4j's version and how many memories the store holds in all. */
    private String storage() {
        Map<String, Object> c = store.query("bench/components", Map.of()).get(0);
        return String.format(Locale.ROOT, "Storage: %s, %s %s %s; the store holds %d memories.",
                BenchProfile.server() ? "server mode (the driver over Bolt to a Neo4j server in a child JVM)"
                        : "embedded mode", c.get("name"), c.get("version"), c.get("edition"), c.get("memories"));
    }

    /**
     * Fills {@code scopes} scopes ({@code other-0000} ...) of OTHER_SCOPE_SIZE synthetic memories each, written by the
     * scale benchmark's statements (real-text turns, vectors clustered around real embeddings of 200 topic sentences,
     * sessions, NEXT chains, keywords and links within each scope), so that every index holds far more of other
     * scopes than of LoCoMo's.
     */
    private String fillOtherScopes(int scopes) {
        if (scopes <= 0) {
            return "";
        }
        float[][] centroids = new float[ScaleData.topics()][];
        for (int t = 0; t < centroids.length; t++) {
            centroids[t] = embedder.embed(ScaleData.topicSentence(t));
        }
        long t0 = System.nanoTime();
        int perTx = Math.max(1, 5000 / OTHER_SCOPE_SIZE);
        for (int s0 = 0; s0 < scopes; s0 += perTx) {
            int first = s0;
            int last = Math.min(scopes, s0 + perTx);
            store.write(tx -> {
                for (int s = first; s < last; s++) {
                    String scope = String.format(Locale.ROOT, "other-%04d", s);
                    // one generator per scope: its links stay within the scope; the numbers, hence ids, stay unique
                    ScaleData.Batch b = new ScaleData(1000 + s, centroids, 0.03, 500)
                            .batch(s * OTHER_SCOPE_SIZE, OTHER_SCOPE_SIZE, null);
                    Map<String, Object> p = new java.util.HashMap<>();
                    p.put("scope", scope);
                    p.put("scopeKey", RememberService.scopeKey(scope));
                    p.put("now", java.time.Instant.now().atZone(java.time.ZoneOffset.UTC));
                    p.put("rows", b.memories());
                    tx.run("bench/insert_memories", p);
                    tx.run("bench/insert_sessions", Map.of("scope", scope, "sessions", b.sessions()));
                    tx.run("bench/insert_next", Map.of("memories", b.memoryNext(), "sessions",
                            b.sessionNext().stream().map(x -> Map.of("from", scope + "|" + x.get("from"),
                                    "to", scope + "|" + x.get("to"))).toList()));
                    tx.run("bench/insert_keywords", Map.of("scope", scope, "rows", b.keywords()));
                    tx.run("bench/insert_links", Map.of("links", b.links(),
                            "now", java.time.Instant.now().atZone(java.time.ZoneOffset.UTC)));
                }
                return null;
            });
        }
        // written by Cypher, not through Mnemograph: the in-process index reads a scope again at its next search
        if (vectors instanceof io.mnemograph.graph.InProcessVectorIndex index) {
            index.reset();
        }
        String line = String.format(Locale.ROOT, " Before the ingest, %d other scopes of %d synthetic memories each "
                + "were written (%.1f s).", scopes, OTHER_SCOPE_SIZE, (System.nanoTime() - t0) / 1e9);
        System.out.println(line.strip());
        return line;
    }

    /** The agent's links, by caller id, to target/bench/links.tsv: what multi-hop analysis reads beside the runs. */
    private void dumpLinks(List<String> scopes, Path out) throws IOException {
        StringBuilder b = new StringBuilder("scope\tfrom\tto\tstrength\treason\n");
        for (Map<String, Object> r : store.query("bench/links", Map.of("scopes", scopes))) {
            b.append(r.get("scope")).append('\t').append(r.get("from")).append('\t').append(r.get("to")).append('\t')
                    .append(r.get("strength")).append('\t').append(String.valueOf(r.get("reason")).replace('\t', ' '))
                    .append('\n');
        }
        Files.writeString(out.resolve("links.tsv"), b);
    }

    /**
     * For offline analysis ({@code -Dbench.dump=true}): the best GRAPH candidates of every scored question with their
     * scores and reasons, the question's embedding, and every memory's embedding, to target/bench/dump-*.jsonl. Asked
     * with the limit of the default's candidate count: a larger limit would also ask each index for more candidates
     * (a recall asks for at least its limit), and the dump would no longer hold what a recall at limit 20 ranks (at
     * limit 300 its own top 10 scored R@10 0.793 against the runner's 0.807).
     */
    private void dump(List<Locomo.Question> questions, List<String> scopes, Path out) throws IOException {
        resetRecallUse(scopes);
        StringBuilder b = new StringBuilder();
        for (Locomo.Question q : questions) {
            List<Recollection> got = recall.recall(recall.request(q.question(), q.sampleId(),
                    RecallTuning.DEFAULT.candidates(), RecallStrategy.GRAPH,
                    null, null, null, false, 0.0));
            if (!q.scored()) {
                continue;
            }
            io.vertx.core.json.JsonArray cands = new io.vertx.core.json.JsonArray();
            for (Recollection r : got) {
                cands.add(new JsonObject().put("id", r.memory().externalId()).put("score", r.score())
                        .put("session", r.memory().sessionId()).put("reasons", r.reasons()));
            }
            b.append(new JsonObject().put("sample_id", q.sampleId()).put("qa_index", q.qaIndex())
                    .put("category", q.category()).put("gold", q.gold()).put("question", q.question())
                    .put("qvec", embedder.embed(q.question())).put("candidates", cands).encode()).append('\n');
        }
        Files.writeString(out.resolve("dump-candidates.jsonl"), b);
        StringBuilder e = new StringBuilder();
        for (Map<String, Object> r : store.query("bench/embeddings", Map.of("scopes", scopes))) {
            e.append(new JsonObject().put("scope", r.get("scope")).put("id", r.get("id"))
                    .put("embedding", r.get("embedding")).encode()).append('\n');
        }
        Files.writeString(out.resolve("dump-embeddings.jsonl"), e);
    }

    private double embedAlone(List<List<MemoryDraft>> sessions) {
        long t0 = System.nanoTime();
        for (List<MemoryDraft> batch : sessions) {
            embedder.embedAll(batch.stream().map(MemoryDraft::content).toList());
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private List<MemoryDraft> drafts(Locomo.Conversation c, Locomo.Session s) {
        MemoryRules rules = new MemoryRules(config.limits().maxContentBytes(), config.limits().maxLabels());
        List<MemoryDraft> batch = new ArrayList<>();
        for (Locomo.Turn t : s.turns()) {
            batch.add(rules.draft(null, t.content(), c.sampleId(), "session_" + s.number(), s.occurredAt(),
                    t.diaId(), List.of(), List.of(), Map.of()));
        }
        return batch;
    }

    record Ingest(int turns, double seconds, String line) {
    }

    /**
     * Remembers every session as one batch and times it against embedding the same turns alone. To cancel the shared
     * machine's changing load, each session's turns are embedded alone next to the same session being remembered
     * (before it for even sessions, after it for odd ones).
     */
    private Ingest ingest(List<Locomo.Conversation> conversations) {
        long embedOnlyNanos = 0;
        long ingestNanos = 0;
        int turns = 0;
        int n = 0;
        for (Locomo.Conversation c : conversations) {
            for (Locomo.Session s : c.sessions()) {
                List<MemoryDraft> batch = drafts(c, s);
                // Whichever runs second finds the model in the CPU caches (it just ran) and embeds faster: the order
                // alternates, so that each side gets as many warm starts as the other.
                boolean embedFirst = n++ % 2 == 0;
                long r0 = System.nanoTime();
                if (!embedFirst) {
                    remember.rememberAll(batch);
                    ingestNanos += System.nanoTime() - r0;
                }
                long e0 = System.nanoTime();
                embedder.embedAll(batch.stream().map(MemoryDraft::content).toList());
                embedOnlyNanos += System.nanoTime() - e0;
                if (embedFirst) {
                    r0 = System.nanoTime();
                    remember.rememberAll(batch);
                    ingestNanos += System.nanoTime() - r0;
                }
                turns += batch.size();
            }
        }
        double ingestSeconds = ingestNanos / 1e9;
        double embedOnlyRate = turns / (embedOnlyNanos / 1e9);
        Map<String, Object> graph = store.query("bench/agent_stats",
                Map.of("scopes", conversations.stream().map(Locomo.Conversation::sampleId).toList())).get(0);
        String line = String.format(Locale.ROOT, "Embedding alone: %.1f turns/s; ingest with the %s agent: "
                        + "%.1f turns/s, %.2f× the embedding-only rate. The agent made %s links, %s revisions and %s "
                        + "knowledge updates; %s memories still pending.", embedOnlyRate, agent.name(),
                turns / ingestSeconds, turns / ingestSeconds / embedOnlyRate, graph.get("links"),
                graph.get("revisions"), graph.get("updates"), graph.get("pending"));
        System.out.println(line);
        return new Ingest(turns, ingestSeconds, line);
    }

    /**
     * Asks every question of the file in order, as the outside check does (unscored ones included: each recall
     * reinforces what it returns, and later questions see that), on the graph as ingested; scores the scored ones.
     */
    private Result run(Variant v, List<Locomo.Question> questions, List<String> scopes, Path out) throws IOException {
        // warm the statement shapes of this variant, so planning is not measured; then undo what recalls reinforced
        recall.recall(recall.request(questions.get(0).question(), questions.get(0).sampleId(), LIMIT, v.strategy(),
                null, null, null, false, 0.0), v.tuning());
        resetRecallUse(scopes);
        Map<String, List<Map<String, Double>>> perCategory = new LinkedHashMap<>();
        List<Scored> scored = new ArrayList<>();
        double[] lat = new double[questions.size()];
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < questions.size(); i++) {
            Locomo.Question q = questions.get(i);
            long s0 = System.nanoTime();
            List<Recollection> got = recall.recall(recall.request(q.question(), q.sampleId(), LIMIT, v.strategy(),
                    null, null, null, false, 0.0), v.tuning());
            lat[i] = (System.nanoTime() - s0) / 1e6;
            List<String> ranked = got.stream().map(r -> r.memory().externalId()).toList();
            if (!q.scored()) {
                continue;
            }
            Map<String, Double> m = Metrics.score(q.gold(), ranked);
            scored.add(new Scored(q.sampleId(), q.category() + ":" + Locomo.CATEGORIES.get(q.category()), m));
            perCategory.computeIfAbsent(q.category() + ":" + Locomo.CATEGORIES.get(q.category()),
                    k -> new ArrayList<>()).add(m);
            perCategory.computeIfAbsent("overall", k -> new ArrayList<>()).add(m);
            jsonl.append(new JsonObject().put("sample_id", q.sampleId()).put("qa_index", q.qaIndex())
                    .put("ranked", ranked).encode()).append('\n');
        }
        Files.writeString(out.resolve("run-" + v.name().replaceAll("[^A-Za-z0-9=.]+", "_") + ".jsonl"), jsonl);
        Map<String, Map<String, Double>> table = new LinkedHashMap<>();
        for (String cat : List.of("4:single-hop", "1:multi-hop", "2:temporal", "3:open-domain", "overall")) {
            List<Map<String, Double>> rows = perCategory.get(cat);
            if (rows == null) {
                continue;
            }
            Map<String, Double> mean = new LinkedHashMap<>();
            mean.put("n", (double) rows.size());
            for (String key : rows.get(0).keySet()) {
                mean.put(key, rows.stream().mapToDouble(r -> r.get(key)).average().orElse(0));
            }
            table.put(cat, mean);
        }
        System.out.printf(Locale.ROOT, "%-22s R@10 %.4f multi-hop %.4f%n", v.name(),
                table.get("overall").get("recall@10"), table.get("1:multi-hop").get("recall@10"));
        return new Result(v, table, percentile(lat, 50), percentile(lat, 95), scored);
    }

    /**
     * Top GRAPH scores of off-topic questions against the scored real ones: where minScore abstains, and how many
     * real questions it would leave unanswered.
     */
    private String calibration(List<Locomo.Question> questions, List<String> scopes) {
        resetRecallUse(scopes);
        double[] real = new double[questions.size()];
        for (int j = 0; j < real.length; j++) {
            Locomo.Question q = questions.get(j);
            List<Recollection> got = recall.recall(recall.request(q.question(), q.sampleId(), 1, RecallStrategy.GRAPH,
                    null, null, null, false, 0.0));
            real[j] = got.isEmpty() ? 0 : got.get(0).score();
        }
        Arrays.sort(real);
        double minScore = 0.45;
        long below = Arrays.stream(real).filter(x -> x < minScore).count();
        String answered = String.format(Locale.ROOT, "Top GRAPH score of the %d scored questions: min %.3f, p5 %.3f, "
                        + "p10 %.3f, median %.3f; minScore %.2f would answer nothing to %d of them (%.1f %%).",
                real.length, real[0], percentile(real, 5), percentile(real, 10), percentile(real, 50), minScore, below,
                100.0 * below / real.length);
        double[] off = new double[OFF_TOPIC.size() * scopes.size()];
        int i = 0;
        for (String scope : scopes) {
            for (String q : OFF_TOPIC) {
                List<Recollection> got = recall.recall(recall.request(q, scope, 1, RecallStrategy.GRAPH, null, null,
                        null, false, 0.0));
                off[i++] = got.isEmpty() ? 0 : got.get(0).score();
            }
        }
        Arrays.sort(off);
        return String.format(Locale.ROOT, "Top GRAPH score of %d off-topic questions (%d per conversation): "
                        + "min %.3f, median %.3f, max %.3f. ", off.length, OFF_TOPIC.size(), off[0],
                percentile(off, 50), off[off.length - 1]) + answered;
    }

    private static String report(Path data, int conversations, int turns, double ingestSeconds, int questions,
                                 double[] embedMs, List<Result> results, String calibration) {
        StringBuilder b = new StringBuilder();
        b.append("## LoCoMo retrieval, ").append(LocalDate.now()).append("\n\n");
        b.append(String.format(Locale.ROOT, "Data %s: %d conversations, %d turns, %d questions (categories 1-4). "
                        + "%d cores, Java %s.%n%n", data, conversations, turns, questions,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        b.append(String.format(Locale.ROOT, "Ingest: %.1f s, %.1f turns/s (rememberAll, one batch per session). "
                        + "Query embedding alone: p50 %.1f ms, p95 %.1f ms.%n%n", ingestSeconds, turns / ingestSeconds,
                percentile(embedMs, 50), percentile(embedMs, 95)));
        b.append("| variant | R@1 | R@5 | R@10 | R@20 | all@10 | nDCG@10 | MRR | R@10 single-hop | R@10 multi-hop "
                + "| R@10 temporal | R@10 open-domain | recall p50 / p95 ms |\n");
        b.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Result r : results) {
            Map<String, Double> o = r.table().get("overall");
            b.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | **%.3f** | %.3f | %.3f | %.3f | %.3f | %.3f | "
                            + "%.3f | %.3f | %.3f | %.1f / %.1f |%n", r.variant().name(), o.get("recall@1"),
                    o.get("recall@5"), o.get("recall@10"), o.get("recall@20"), o.get("all@10"), o.get("ndcg@10"),
                    o.get("mrr"), cat(r, "4:single-hop"), cat(r, "1:multi-hop"), cat(r, "2:temporal"),
                    cat(r, "3:open-domain"), r.p50(), r.p95()));
        }
        b.append("\nPer category, the four strategies:\n\n");
        b.append("| strategy | category | n | R@1 | R@5 | R@10 | R@20 | all@10 | nDCG@10 | MRR |\n");
        b.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Result r : results.subList(0, Math.min(4, results.size()))) {
            r.table().forEach((c, m) -> b.append(String.format(Locale.ROOT,
                    "| %s | %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n", r.variant().name(), c,
                    m.get("n").intValue(), m.get("recall@1"), m.get("recall@5"), m.get("recall@10"),
                    m.get("recall@20"), m.get("all@10"), m.get("ndcg@10"), m.get("mrr"))));
        }
        b.append("\n").append(calibration).append("\n");
        return b.toString();
    }

    private static double cat(Result r, String c) {
        Map<String, Double> m = r.table().get(c);
        return m == null ? Double.NaN : m.get("recall@10");
    }

    static double percentile(double[] values, int p) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[Math.min(v.length - 1, (int) Math.floor(v.length * p / 100.0))];
    }
}
