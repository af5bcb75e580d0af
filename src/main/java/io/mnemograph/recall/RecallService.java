package io.mnemograph.recall;

import io.mnemograph.config.MnemographConfig;
import io.mnemograph.embedding.Embedder;
import io.mnemograph.embedding.Vectors;
import io.mnemograph.graph.GraphStore;
import io.mnemograph.graph.MemoryVectors;
import io.mnemograph.memory.InvalidInputException;
import io.mnemograph.memory.Memory;
import io.mnemograph.memory.MemoryStatus;
import io.mnemograph.memory.MemoryRules;
import io.mnemograph.memory.RecallRequest;
import io.mnemograph.memory.RecallStrategy;
import io.mnemograph.memory.VectorReach;
import io.mnemograph.memory.Recollection;
import io.mnemograph.metrics.Metrics;
import io.mnemograph.remember.RememberService;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The read path: candidates from the vector and fulltext indexes of one scope, restricted to what was true at the
 * moment asked about, fused, with the reasons each came back.
 */
@ApplicationScoped
public class RecallService {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final GraphStore store;
    private final Embedder embedder;
    private final InstantSource clock;
    private final int maxLimit;
    private final TimeRanking time;
    private final MemoryVectors vectors;
    private final Metrics metrics;
    /** Recalls running now (this one included): the side read has a core of its own only when one runs. */
    private final AtomicInteger running = new AtomicInteger();

    /*
     * Side reads of recall (the fulltext query beside the vector search): at most 4 at once; when all are busy the
     * recall runs its own, so a burst of recalls never queues work here.
     */
    private final ExecutorService sideReads = new ThreadPoolExecutor(0, 4, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "mnemograph-recall-side");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.CallerRunsPolicy());

    RecallService(GraphStore store, Embedder embedder, InstantSource clock,
                  MnemographConfig config, TimeRanking time, MemoryVectors vectors, Metrics metrics) {
        this.metrics = metrics;
        this.time = time;
        this.vectors = vectors;
        this.store = store;
        this.embedder = embedder;
        this.clock = clock;
        this.maxLimit = config.limits().maxRecallLimit();
    }

    /** Validates what the API received into a request; {@code at} defaults to now, strategy to GRAPH. */
    public RecallRequest request(String query, String scope, Integer limit, RecallStrategy strategy, Instant at,
                                 Instant from, Instant to, Boolean includeSuperseded, Double minScore) {
        if (query == null || query.isBlank()) {
            throw new InvalidInputException("query is empty: say what to recall");
        }
        int n = limit == null ? 10 : limit;
        if (n < 1 || n > maxLimit) {
            throw new InvalidInputException("limit " + n + " is outside 1.." + maxLimit);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidInputException("from (" + from + ") is after to (" + to + ")");
        }
        if (minScore != null && (minScore.isNaN() || minScore < 0)) {
            throw new InvalidInputException("minScore must be 0 or more");
        }
        return new RecallRequest(query.strip(), MemoryRules.scope(scope), n,
                strategy == null ? RecallStrategy.GRAPH : strategy, at == null ? clock.instant() : at, from, to,
                Boolean.TRUE.equals(includeSuperseded), minScore == null ? 0 : minScore);
    }

    /** Recalls with the default tuning (the one docs/benchmarks.md measured). */
    public List<Recollection> recall(RecallRequest r) {
        return metrics.recall(r.strategy().name(), () -> recall(r, RecallTuning.DEFAULT));
    }

    /**
     * Recalls with the given tuning: one read transaction of at most five statements (scope size, vector, fulltext,
     * features of the candidates, graph expansion of the best of them), whatever the number of candidates.
     */
    public List<Recollection> recall(RecallRequest r, RecallTuning tuning) {
        return recall(r, tuning, r.strategy() != RecallStrategy.FULLTEXT ? embedder.embed(r.query()) : null);
    }

    /**
     * Recalls with the query's embedding already computed ({@code queryVector}, from {@link Embedder#embed} of
     * {@code r.query()}; ignored by FULLTEXT, which may pass null): everything recall does after the model, which is
     * what the scale benchmark times apart from the model.
     */
    public List<Recollection> recall(RecallRequest r, RecallTuning tuning, float[] queryVector) {
        RecallStrategy strategy = r.strategy();
        boolean useVector = strategy != RecallStrategy.FULLTEXT;
        boolean useText = strategy != RecallStrategy.VECTOR;
        boolean blend = strategy == RecallStrategy.HYBRID || strategy == RecallStrategy.GRAPH;
        if (useVector && queryVector == null) {
            throw new IllegalArgumentException("strategy " + strategy + " needs the query's vector");
        }
        float[] vector = useVector ? queryVector : null;
        int want = Math.max(r.limit(), tuning.candidates());
        List<String> names = strategy == RecallStrategy.GRAPH ? Fusion.names(r.query()) : List.of();
        Map<String, Object> params = timeParams(r);
        boolean inProcess = useVector && vectors.searchable();
        String ft = useText ? fulltextTerms(r.query()) : null;
        Map<String, Object> ftParams = new HashMap<>(params);
        ftParams.put("terms", ft);
        ftParams.put("scopeKey", RememberService.scopeKey(r.scope()));
        ftParams.put("k", want);
        ftParams.put("limit", want);
        boolean featured = blend || inProcess; // in-process hits are not filtered yet: recall/features does it
        // With both indexes asked, the fulltext query runs beside the vector search, in a read transaction of its own
        // on a side thread, and so do the features of its hits (issue 15: the two are independent, and one recall
        // otherwise leaves a core idle). A memory archived between the two snapshots is dropped at the end.
        // When another recall runs meanwhile, the cores are busy already and the hand-over to a thread only costs: the
        // side read then runs first on this thread (with four clients on two cores, the throughput of four had fallen
        // to ~1.5x that of one).
        Supplier<TextSide> side = () -> store.read(t -> {
            List<Map<String, Object>> hits = t.run("recall/fulltext", ftParams);
            List<Map<String, Object>> rows = List.of();
            if (featured && !hits.isEmpty()) {
                List<String> ids = hits.stream().map(h -> (String) h.get("id")).toList();
                rows = t.run("recall/features", featureParams(params, ids,
                        inProcess ? scores(t, r.scope(), ids, vector) : Map.of(), vector, names, inProcess));
            }
            return new TextSide(hits, rows);
        });
        boolean alone = running.incrementAndGet() == 1;
        try {
            return recall(r, tuning, strategy, vector, names, params, inProcess, ft, ftParams, featured, blend, want,
                    ft == null || !useVector ? null
                            : alone ? CompletableFuture.supplyAsync(side, sideReads)
                            : CompletableFuture.completedFuture(side.get()));
        } finally {
            running.decrementAndGet();
        }
    }

    /** The recall once the side read is under way ({@code text}: null when there is none). */
    private List<Recollection> recall(RecallRequest r, RecallTuning tuning, RecallStrategy strategy, float[] vector,
                                      List<String> names, Map<String, Object> params, boolean inProcess, String ft,
                                      Map<String, Object> ftParams, boolean featured, boolean blend, int want,
                                      CompletableFuture<TextSide> text) {
        boolean useVector = vector != null;
        // time ranking's columns, read with the features and expansion rows (issue 15: no time/candidates statement)
        Map<String, Map<String, Object>> times = new HashMap<>();
        // exact vectors read on the way (the vector search's shortlist), which the redundancy step compares again
        Map<String, float[]> exact = new HashMap<>();
        // One read transaction from the first statement to the memories returned (issue 15: each transaction costs)
        List<Recollection> out = time.reading(() -> store.read(tx -> {
            Fusion f = new Fusion(tuning, strategy, names);
            if (useVector) {
                f.vector(inProcess ? nearest(tx, r, vector, want, exact) : vectorHits(tx, params, vector, want));
            }
            if (text != null) {
                // the vector hits' features here, the text hits' on the side thread meanwhile
                List<Map<String, Object>> rows = new ArrayList<>();
                if (featured && !f.isEmpty()) {
                    rows.addAll(tx.run("recall/features", featureParams(params, f.ids(), f.vectorScores(), vector,
                            names, inProcess)));
                }
                TextSide side = joined(text);
                f.fulltext(side.hits());
                if (featured && !f.isEmpty()) {
                    java.util.Set<String> done = rows.stream().map(x -> (String) x.get("id"))
                            .collect(Collectors.toSet());
                    side.features().stream().filter(x -> !done.contains((String) x.get("id"))).forEach(rows::add);
                    time.collect(times, rows);
                    f.features(rows, want);
                }
            } else {
                if (ft != null) {
                    f.fulltext(tx.run("recall/fulltext", ftParams));
                }
                if (featured && !f.isEmpty()) {
                    List<Map<String, Object>> rows = tx.run("recall/features", featureParams(params, f.ids(),
                            inProcess ? exactHits(scores(tx, r.scope(), f.ids(), vector), f) : f.vectorScores(),
                            vector, names, inProcess));
                    time.collect(times, rows);
                    f.features(rows, want);
                }
            }
            f.scoreDirect();
            if (strategy == RecallStrategy.GRAPH && tuning.seeds() > 0 && !f.isEmpty()) {
                Map<String, Object> p = expandParams(params, f.seeds(), vector, names, tuning.window());
                p.put("cosineInGraph", !inProcess);
                p.put("keywords", tuning.keywordWeight() > 0);
                List<Map<String, Object>> rows = tx.run("recall/expand", p);
                time.collect(times, rows);
                f.expand(inProcess ? withScores(tx, r.scope(), rows, vector) : rows);
            }
            if (blend) { // the single-signal strategies stay pure: they are the baselines the others are measured against
                time.rank(tx, r, f.candidates(), times, tuning.eventTime()); // time words and retention, see TimeRanking
            }
            List<Fusion.Candidate> top = f.top(r.limit(), r.minScore(), ids -> compared(tx, r.scope(), ids, exact));
            Map<String, Memory> memories = new LinkedHashMap<>();
            // not MemoryReader.getAll: that would write queued reinforcement first, in the read path
            for (Memory m : time.memories(tx, top.stream().map(Fusion.Candidate::id).toList())) {
                memories.put(m.id(), m);
            }
            List<Recollection> found = new ArrayList<>();
            for (Fusion.Candidate c : top) {
                Memory m = memories.get(c.id());
                if (m != null && m.status() != MemoryStatus.ARCHIVED) {
                    found.add(new Recollection(m, c.score(), c.reasons()));
                }
            }
            return found;
        }));
        time.reinforce(r, out); // a recall as of now is a use of what it returns
        return out;
    }

    /** What the side thread read: the fulltext hits, and their rows of recall/features. */
    private record TextSide(List<Map<String, Object>> hits, List<Map<String, Object>> features) {
    }

    private static Map<String, Object> featureParams(Map<String, Object> params, List<String> ids,
                                                     Map<String, Double> cosines, float[] vector, List<String> names,
                                                     boolean inProcess) {
        Map<String, Object> p = new HashMap<>(params);
        p.put("ids", ids);
        p.put("cosines", cosines);
        p.put("vector", vector);
        p.put("names", names);
        p.put("cosineInGraph", !inProcess);
        return p;
    }

    /** The side read's result, or its failure as thrown there (an access or input error keeps its meaning). */
    private static <T> T joined(CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * The in-process index's nearest memories of the scope, over-fetched for those the filters will drop; the exact
     * vectors it read go to {@code exact}.
     */
    private List<Map<String, Object>> nearest(GraphStore.Tx tx, RecallRequest r, float[] vector, int want,
                                              Map<String, float[]> exact) {
        int k = r.from() != null || r.to() != null ? want * 4 : want + want / 2;
        List<Map<String, Object>> rows = new ArrayList<>();
        // exact vectors for as many of the best as the answer holds: the others keep int8 cosines (within ~2e-3),
        // as the fulltext hits and the neighbours do (issue 15: each exact vector read from the graph costs ~12-25 µs)
        for (MemoryVectors.Hit h : vectors.nearest(tx, r.scope(), vector, k, r.limit(), Long.MAX_VALUE,
                exact::put)) {
            rows.add(Map.of("id", h.id(), "score", (1 + h.cosine()) / 2)); // Neo4j's scale for cosine scores
        }
        return rows;
    }

    /**
     * The vectors the redundancy step compares: the exact ones the vector search read already, the others as the
     * process holds them (embedded mode: int8, cosines within ~2e-3 of exact; its penalty moves by less than 1e-3)
     * or, when it does not, read from the graph. Issue 15: reading them exactly cost ~1.5 ms of a recall at 100k.
     */
    private Map<String, float[]> compared(GraphStore.Tx tx, String scope, List<String> ids,
                                          Map<String, float[]> exact) {
        List<String> rest = ids.stream().filter(id -> !exact.containsKey(id)).toList();
        Map<String, float[]> out = rest.isEmpty() ? new HashMap<>() : new HashMap<>(vectors.get(tx, scope, rest));
        for (String id : ids) {
            float[] v = exact.get(id);
            if (v != null) {
                out.put(id, v);
            }
        }
        return out;
    }

    /** Similarity to the query on Neo4j's (1 + cosine) / 2 scale, for each of these memories the process holds. */
    private Map<String, Double> scores(GraphStore.Tx tx, String scope, Collection<String> ids, float[] vector) {
        Map<String, Double> out = vectors.cosines(tx, scope, ids, vector);
        out.replaceAll((id, cosine) -> (1 + cosine) / 2);
        return out;
    }

    /**
     * The in-process similarities (from int8 vectors, within ~2e-3 of exact) with the vector hits' own, which the
     * index computed from exact vectors for the best of them (issue 15: the process holds int8 vectors only).
     */
    private static Map<String, Double> exactHits(Map<String, Double> scores, Fusion f) {
        scores.putAll(f.vectorScores());
        return scores;
    }

    /** Expansion rows with the similarity the statement left to the caller. */
    private List<Map<String, Object>> withScores(GraphStore.Tx tx, String scope, List<Map<String, Object>> rows,
                                                 float[] vector) {
        Map<String, Double> scores = scores(tx, scope, rows.stream().map(r -> (String) r.get("id")).collect(
                Collectors.toSet()), vector);
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (Map<String, Object> r : rows) {
            Map<String, Object> row = new HashMap<>(r);
            row.put("cosine", scores.getOrDefault((String) r.get("id"), 0.5));
            out.add(row);
        }
        return out;
    }

    private static Map<String, Object> expandParams(Map<String, Object> params, List<String> seeds, float[] vector,
                                                    List<String> names, int window) {
        Map<String, Object> p = new HashMap<>(params);
        p.put("seeds", seeds);
        p.put("vector", vector);
        p.put("names", names);
        p.put("window", window);
        p.put("maxKeywordMemories", RecallTuning.MAX_KEYWORD_MEMORIES);
        return p;
    }

    /** Plans and runs each recall statement once, so the first real query does not pay for it (0.2-1 s each). */
    public void warmUp() {
        RecallRequest r = request("warm up", "__warm-up", 10, RecallStrategy.GRAPH, null, null, null, false, 0.0);
        float[] vector = embedder.embed(r.query());
        Map<String, Object> params = timeParams(r);
        store.read(tx -> {
            Map<String, Object> p = new HashMap<>(params);
            p.put("vector", vector);
            p.put("k", 10);
            p.put("limit", 10);
            if (vectors.searchable()) {
                vectors.nearest(tx, r.scope(), vector, 10, Long.MAX_VALUE);
            } else if (store.searchesVectorsByScope()) {
                tx.run("recall/vector_search", p);
            } else { // server mode: Neo4j's vector index (embedded mode has none)
                tx.run("recall/scope_size", Map.of("scope", r.scope()));
                tx.run("recall/vector", p);
                tx.run("recall/vector_scan", p);
            }
            p.put("terms", fulltextTerms(r.query()));
            p.put("scopeKey", RememberService.scopeKey(r.scope()));
            tx.run("recall/fulltext", p);
            p.put("ids", List.of("none"));
            p.put("cosines", Map.of("none", 0.5));
            p.put("names", List.of("warm"));
            p.put("cosineInGraph", !vectors.searchable());
            tx.run("recall/features", p);
            Map<String, Object> e = expandParams(params, List.of("none"), vector, List.of("warm"), 1);
            e.put("cosineInGraph", !vectors.searchable());
            e.put("keywords", true);
            tx.run("recall/expand", e);
            return null;
        });
        time.warmUp();
    }

    private static Map<String, Object> timeParams(RecallRequest r) {
        Map<String, Object> p = new HashMap<>();
        p.put("scope", r.scope());
        p.put("at", r.at().atZone(ZoneOffset.UTC));
        p.put("from", r.from() == null ? null : r.from().atZone(ZoneOffset.UTC));
        p.put("to", r.to() == null ? null : r.to().atZone(ZoneOffset.UTC));
        p.put("includeSuperseded", r.includeSuperseded());
        return p;
    }

    private List<Map<String, Object>> vectorHits(GraphStore.Tx tx, Map<String, Object> params, float[] vector,
                                                 int want) {
        if (store.searchesVectorsByScope()) {
            Map<String, Object> p = new HashMap<>(params);
            p.put("vector", vector);
            p.put("limit", want);
            p.put("k", VectorReach.kFiltered(want));
            return tx.run("recall/vector_search", p);
        }
        Map<String, Object> size = tx.run("recall/scope_size", Map.of("scope", params.get("scope"))).get(0);
        long inScope = (Long) size.get("memories");
        long total = (Long) size.get("total");
        if (inScope == 0) {
            return List.of();
        }
        Map<String, Object> p = new HashMap<>(params);
        p.put("vector", vector);
        p.put("limit", want);
        int k = VectorReach.k(want, inScope, total);
        if (k < 0) {
            return tx.run("recall/vector_scan", p);
        }
        p.put("k", k);
        return tx.run("recall/vector", p);
    }

    /**
     * The question's words as Lucene terms, any of which a memory may hold (recall/fulltext adds the scope filter);
     * null when it has no word.
     */
    static String fulltextTerms(String text) {
        StringBuilder terms = new StringBuilder();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            terms.append(terms.isEmpty() ? "" : " ").append(m.group());
        }
        return terms.isEmpty() ? null : terms.toString();
    }
}
