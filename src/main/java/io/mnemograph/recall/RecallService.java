package io.mnemograph.recall;

import io.mnemograph.config.MnemographConfig;
import io.mnemograph.embedding.Embedder;
import io.mnemograph.graph.GraphStore;
import io.mnemograph.memory.InvalidInputException;
import io.mnemograph.memory.Memory;
import io.mnemograph.memory.MemoryRules;
import io.mnemograph.memory.Recollection;
import io.mnemograph.remember.MemoryReader;
import io.mnemograph.remember.RememberService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The read path: candidates from the vector and fulltext indexes of one scope, fused, with reasons. */
@ApplicationScoped
public class RecallService {

    /** Reciprocal-rank fusion constant (Cormack et al.). */
    static final int RRF_K = 60;
    /** Candidates taken from each index beyond the limit asked. */
    static final int MIN_CANDIDATES = 50;
    /** Most the shared vector index is asked for before an exact in-scope scan is cheaper. */
    static final int MAX_INDEX_K = 4000;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final GraphStore store;
    private final Embedder embedder;
    private final MemoryReader reader;
    private final int maxLimit;

    RecallService(GraphStore store, Embedder embedder, MemoryReader reader, MnemographConfig config) {
        this.store = store;
        this.embedder = embedder;
        this.reader = reader;
        this.maxLimit = config.limits().maxRecallLimit();
    }

    public List<Recollection> recall(String query, String scope, Integer limit) {
        if (query == null || query.isBlank()) {
            throw new InvalidInputException("query is empty: say what to recall");
        }
        String s = MemoryRules.scope(scope);
        int n = limit == null ? 10 : limit;
        if (n < 1 || n > maxLimit) {
            throw new InvalidInputException("limit " + n + " is outside 1.." + maxLimit);
        }
        float[] vector = embedder.embed(query);
        int want = Math.max(n, MIN_CANDIDATES);
        Map<String, Candidate> fused = store.read(tx -> {
            Map<String, Candidate> out = new LinkedHashMap<>();
            add(out, "vector", vectorHits(tx, s, vector, want));
            String ft = fulltextQuery(s, query);
            if (ft != null) {
                add(out, "fulltext", tx.run("recall/fulltext", Map.of("query", ft, "scope", s, "limit", want)));
            }
            return out;
        });
        List<Candidate> ranked = new ArrayList<>(fused.values());
        ranked.sort(Comparator.comparingDouble(Candidate::score).reversed());
        List<Candidate> top = ranked.subList(0, Math.min(n, ranked.size()));
        Map<String, Memory> memories = new LinkedHashMap<>();
        for (Memory m : reader.getAll(top.stream().map(Candidate::id).toList())) {
            memories.put(m.id(), m);
        }
        List<Recollection> out = new ArrayList<>();
        for (Candidate c : top) {
            Memory m = memories.get(c.id());
            if (m != null) {
                out.add(new Recollection(m, c.score(), c.reasons()));
            }
        }
        return out;
    }

    /** Plans and runs each recall statement once, so the first real query does not pay for it (0.2-1 s each). */
    public void warmUp() {
        float[] vector = embedder.embed("warm up");
        String scope = "__warm-up";
        store.read(tx -> {
            tx.run("recall/scope_size", Map.of("scope", scope));
            tx.run("recall/vector", Map.of("scope", scope, "vector", vector, "k", 10, "limit", 10));
            tx.run("recall/vector_scan", Map.of("scope", scope, "vector", vector, "limit", 10));
            tx.run("recall/fulltext", Map.of("query", fulltextQuery(scope, "warm up"), "scope", scope, "limit", 10));
            return null;
        });
    }

    private List<Map<String, Object>> vectorHits(GraphStore.Tx tx, String scope, float[] vector, int want) {
        Map<String, Object> size = tx.run("recall/scope_size", Map.of("scope", scope)).get(0);
        long inScope = (Long) size.get("memories");
        long total = (Long) size.get("total");
        if (inScope == 0) {
            return List.of();
        }
        // Over-fetch in proportion to how small a share of the store this scope is, with room for index misses.
        double share = (double) inScope / Math.max(1, total);
        long k = (long) Math.ceil(want / share * 1.5);
        if (k > MAX_INDEX_K) {
            return tx.run("recall/vector_scan", Map.of("scope", scope, "vector", vector, "limit", want));
        }
        return tx.run("recall/vector", Map.of("scope", scope, "vector", vector, "k", (int) Math.max(k, want),
                "limit", want));
    }

    private static void add(Map<String, Candidate> out, String signal, List<Map<String, Object>> rows) {
        int rank = 0;
        for (Map<String, Object> r : rows) {
            rank++;
            String id = (String) r.get("id");
            double score = ((Number) r.get("score")).doubleValue();
            Candidate c = out.computeIfAbsent(id, Candidate::new);
            c.add(1.0 / (RRF_K + rank), String.format(Locale.ROOT, "%s: rank %d, score %.3f", signal, rank, score));
        }
    }

    /** A Lucene query for the scope's memories holding any word of the question; null when it has no word. */
    static String fulltextQuery(String scope, String text) {
        StringBuilder terms = new StringBuilder();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            terms.append(terms.isEmpty() ? "" : " ").append(m.group());
        }
        if (terms.isEmpty()) {
            return null;
        }
        return "scopeKey:" + RememberService.scopeKey(scope) + " AND (" + terms + ")";
    }

    private static final class Candidate {
        private final String id;
        private double score;
        private final List<String> reasons = new ArrayList<>();

        Candidate(String id) {
            this.id = id;
        }

        void add(double s, String reason) {
            score += s;
            reasons.add(reason);
        }

        String id() {
            return id;
        }

        double score() {
            return score;
        }

        List<String> reasons() {
            return reasons;
        }
    }
}
