package io.mnemograph.recall;

import io.mnemograph.embedding.Vectors;
import io.mnemograph.memory.RecallStrategy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ranks one recall's candidates: the direct score (calibrated cosine blended with saturated BM25, so one scale serves
 * ranking and abstention), then for GRAPH the query's names, the memory's length, the session's strength and the
 * graph neighbours of the best hits. Keeps, for every candidate, the reasons it came back.
 */
final class Fusion {

    /** Reciprocal-rank fusion constant (Cormack et al.), for the RRF ablation only. */
    static final int RRF_K = 60;
    private static final Pattern NAME = Pattern.compile("\\b\\p{Lu}[\\p{L}\\p{N}-]*");
    private static final Set<String> NOT_NAMES = Set.of("what", "when", "where", "who", "whom", "whose", "which",
            "why", "how", "did", "does", "do", "is", "are", "was", "were", "has", "have", "had", "can", "could",
            "would", "should", "will", "the", "a", "an", "in", "on", "at", "of", "for", "and", "or", "i", "if",
            "according", "based", "besides", "apart", "after", "before", "during", "since", "given", "considering",
            "tell", "list", "name", "describe", "explain");

    private final RecallTuning t;
    private final RecallStrategy strategy;
    private final List<String> names;
    private final Map<String, Candidate> byId = new LinkedHashMap<>();
    private final Map<String, Double> sessions = new HashMap<>();

    Fusion(RecallTuning tuning, RecallStrategy strategy, List<String> names) {
        this.t = tuning;
        this.strategy = strategy;
        this.names = names;
    }

    /** The names a question mentions (capitalised words that are not question words), lower-cased, in order. */
    static List<String> names(String query) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = NAME.matcher(query);
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            if (w.length() > 1 && !NOT_NAMES.contains(w)) {
                out.add(w);
            }
        }
        return new ArrayList<>(out);
    }

    /** Vector index hits (rows with id and score), best first. */
    void vector(List<Map<String, Object>> rows) {
        int rank = 0;
        for (Map<String, Object> r : rows) {
            Candidate c = byId.computeIfAbsent((String) r.get("id"), Candidate::new);
            c.vectorRank = ++rank;
            c.cosine = num(r.get("score"));
        }
    }

    /** Fulltext index hits (rows with id and score), best first. */
    void fulltext(List<Map<String, Object>> rows) {
        int rank = 0;
        for (Map<String, Object> r : rows) {
            Candidate c = byId.computeIfAbsent((String) r.get("id"), Candidate::new);
            c.textRank = ++rank;
            c.bm25 = num(r.get("score"));
        }
    }

    /** The vector index's scores of its hits, by id: recall/features need not compute them again. */
    Map<String, Double> vectorScores() {
        Map<String, Double> out = new HashMap<>();
        byId.values().forEach(c -> {
            if (c.vectorRank > 0) {
                out.put(c.id, c.cosine);
            }
        });
        return out;
    }

    List<String> ids() {
        return new ArrayList<>(byId.keySet());
    }

    boolean isEmpty() {
        return byId.isEmpty();
    }

    /**
     * Rows of recall/features: exact cosine, session, caller id and names of each candidate. The statement applies
     * the status and time filters, so a candidate it gives no row for is dropped, and the vector ranks are counted
     * again among those left (the in-process index, unlike the statements, does not filter, and is asked for more
     * than {@code maxVector} to make up for what the filters drop): past {@code maxVector}, a vector hit is no longer
     * one, as if the index had been asked for that many, and goes unless the fulltext index found it too.
     */
    void features(List<Map<String, Object>> rows, int maxVector) {
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> r : rows) {
            Candidate c = byId.get((String) r.get("id"));
            if (c != null) {
                fill(c, r);
                seen.add(c.id);
            }
        }
        byId.keySet().retainAll(seen);
        int rank = 0;
        for (Candidate c : byId.values().stream().filter(c -> c.vectorRank > 0)
                .sorted(Comparator.comparingInt((Candidate c) -> c.vectorRank)).toList()) {
            c.vectorRank = ++rank <= maxVector ? rank : 0;
            if (c.vectorRank == 0 && c.textRank == 0) {
                byId.remove(c.id);
            }
        }
    }

    private static void fill(Candidate c, Map<String, Object> r) {
        c.externalId = (String) r.get("externalId");
        c.session = (String) r.get("session");
        c.cosine = num(r.get("cosine"));
        c.names = ((Number) r.get("names")).intValue();
        c.speaker = ((Number) r.get("speaker")).intValue() > 0;
        c.length = r.get("length") instanceof Number n ? n.intValue() : -1;
        c.event = (String) r.get("event");
    }

    /** Scores every candidate from its own signals, then (GRAPH) lifts the candidates of strong sessions. */
    void scoreDirect() {
        for (Candidate c : byId.values()) {
            c.direct = direct(c);
            c.pre = c.direct + prior(c);
        }
        if (strategy == RecallStrategy.GRAPH && t.sessionWeight() > 0) {
            Map<String, double[]> best = new HashMap<>();
            for (Candidate c : byId.values()) {
                if (c.session != null) {
                    double[] b = best.computeIfAbsent(c.session, s -> new double[2]);
                    if (c.pre > b[0]) {
                        b[1] = b[0];
                        b[0] = c.pre;
                    } else if (c.pre > b[1]) {
                        b[1] = c.pre;
                    }
                }
            }
            best.forEach((s, b) -> sessions.put(s, Math.max(0, (b[0] + b[1]) / 2)));
            for (Candidate c : byId.values()) {
                c.pre += sessionBonus(c);
            }
        }
        byId.values().forEach(c -> c.score = c.pre);
    }

    private double direct(Candidate c) {
        if (t.rrf() && strategy != RecallStrategy.VECTOR && strategy != RecallStrategy.FULLTEXT) {
            return (c.vectorRank > 0 ? 1.0 / (RRF_K + c.vectorRank) : 0)
                    + (c.textRank > 0 ? 1.0 / (RRF_K + c.textRank) : 0);
        }
        return switch (strategy) {
            case VECTOR -> t.cosine(c.cosine);
            case FULLTEXT -> t.bm25(c.bm25);
            default -> (1 - t.textWeight()) * t.cosine(c.cosine) + t.textWeight() * t.bm25(c.bm25);
        };
    }

    /** GRAPH's priors on a memory beyond its similarity: said by whom the question names, and how much it says. */
    private double prior(Candidate c) {
        if (strategy != RecallStrategy.GRAPH) {
            return 0;
        }
        double brevity = -t.brevityPenalty(c.length) + (c.event != null ? t.eventWeight() : 0);
        if (names.isEmpty()) {
            return brevity;
        }
        return brevity + t.nameWeight() * c.names / names.size() + (c.speaker ? t.speakerWeight() : 0);
    }

    private double sessionBonus(Candidate c) {
        Double s = c.session == null ? null : sessions.get(c.session);
        return s == null ? 0 : t.sessionWeight() * s;
    }

    /** The ids of the best candidates so far: where graph expansion starts. */
    List<String> seeds() {
        return byId.values().stream().sorted(Comparator.comparingDouble((Candidate c) -> c.pre).reversed())
                .limit(t.seeds()).map(c -> c.id).toList();
    }

    /** Rows of recall/expand: neighbours of seeds, each lifted by its best path from a seed. */
    void expand(List<Map<String, Object>> rows) {
        Map<String, Integer> seedRank = new HashMap<>();
        List<String> seeds = seeds();
        for (int i = 0; i < seeds.size(); i++) {
            seedRank.put(seeds.get(i), i + 1);
        }
        for (Map<String, Object> r : rows) {
            Candidate seed = byId.get((String) r.get("seed"));
            if (seed == null) {
                continue;
            }
            String path = (String) r.get("path");
            int hops = ((Number) r.get("hops")).intValue();
            double weight = switch (path) {
                case "next", "previous" -> t.nextWeight() / hops;
                case "linked" -> t.linkWeight() * num(r.get("strength"));
                default -> t.keywordWeight();
            };
            double bonus = weight * Math.max(0, seed.pre);
            Candidate n = byId.get((String) r.get("id"));
            if (n == null) {
                n = new Candidate((String) r.get("id"));
                fill(n, r);
                n.direct = direct(n);
                n.pre = n.direct + prior(n) + sessionBonus(n);
                n.score = n.pre;
                n.viaGraphOnly = true;
                byId.put(n.id, n);
            }
            if (bonus > n.graphBonus) {
                n.graphBonus = bonus;
                n.graphReason = pathReason(path, hops, r.get("via"), num(r.get("strength")), seed,
                        seedRank.getOrDefault(seed.id, 0));
            }
        }
        byId.values().forEach(c -> c.score = c.pre + c.graphBonus);
    }

    private static String pathReason(String path, int hops, Object via, double strength, Candidate seed,
                                     int seedRank) {
        String from = seed.label() + " (" + seed.signal() + ")";
        return switch (path) {
            case "next" -> (hops == 1 ? "next turn after " : hops + " turns after ") + from;
            case "previous" -> (hops == 1 ? "turn before " : hops + " turns before ") + from;
            case "linked" -> String.format(Locale.ROOT, "linked to %s%s, strength %.2f", from,
                    via == null ? "" : " (" + via + ")", strength);
            default -> "shares rare keyword '" + via + "' with " + from;
        };
    }

    /** Every candidate so far, to adjust their scores (time) before {@link #top}. */
    Collection<Candidate> candidates() {
        return byId.values();
    }

    /**
     * The best {@code n} scoring at least {@code minScore}, best first. GRAPH then ranks the best of them again so that
     * a memory close to one ranked above it (the same fact told twice) makes room for one that says something else:
     * greedily, each next memory is the one whose score minus its {@code redundancy} penalty is highest (maximal
     * marginal relevance). The best direct hits (a {@code protect} share of n) keep their place whatever expansion
     * brings: a neighbour may push out only a weaker hit.
     *
     * @param vectorsOf the embeddings of these candidates (a candidate without one is never penalised)
     */
    List<Candidate> top(int n, double minScore, Function<List<String>, Map<String, float[]>> vectorsOf) {
        List<Candidate> all = new ArrayList<>(byId.values());
        if (minScore > 0) { // 0 keeps everything, also the unrelated memories a calibrated score puts below 0
            all.removeIf(c -> c.score < minScore);
        }
        all.sort(Comparator.comparingDouble(Candidate::score).reversed());
        if (strategy == RecallStrategy.GRAPH && t.redundancy() > 0 && all.size() > 1) {
            int pool = Math.min(all.size(), pool(n));
            List<Candidate> head = all.subList(0, pool);
            List<Candidate> ordered = diversify(head, vectorsOf.apply(head.stream().map(c -> c.id).toList()));
            head.clear();
            head.addAll(ordered);
        }
        Map<Candidate, Integer> place = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            place.put(all.get(i), i);
        }
        List<Candidate> out = new ArrayList<>(all.subList(0, Math.min(n, all.size())));
        int keep = (int) Math.ceil(n * t.protect());
        List<Candidate> direct = all.stream().filter(c -> !c.viaGraphOnly)
                .sorted(Comparator.comparingDouble((Candidate c) -> c.pre).reversed()).limit(keep).toList();
        for (Candidate d : direct) {
            if (!out.contains(d)) {
                for (int i = out.size() - 1; i >= 0; i--) {
                    if (!direct.contains(out.get(i))) {
                        out.set(i, d);
                        break;
                    }
                }
            }
        }
        out.sort(Comparator.comparingInt(place::get));
        out.forEach(this::explain);
        return out;
    }

    /** Most candidates the redundancy step compares pairwise. */
    private static final int MAX_POOL = 200;

    /** How many of the best candidates the redundancy step compares, for an answer of n. */
    static int pool(int n) {
        return Math.min(MAX_POOL, Math.max(RecallTuning.REDUNDANCY_POOL, 3 * n));
    }

    /**
     * Greedy maximal marginal relevance: scores drop by what each memory repeats of those picked before it, which
     * keeps the order the picks were made in (each pick's lowered score is at most the one before it).
     */
    private List<Candidate> diversify(List<Candidate> pool, Map<String, float[]> held) {
        // normalised once: each pair's cosine is then a dot product (issue 15: ~1,800 pairs a recall)
        Map<String, float[]> vectors = new HashMap<>();
        held.forEach((id, v) -> vectors.put(id, Vectors.unit(v)));
        List<Candidate> left = new ArrayList<>(pool);
        List<Candidate> picked = new ArrayList<>(pool.size());
        Map<Candidate, Double> closest = new HashMap<>();
        Map<Candidate, Candidate> closestTo = new HashMap<>();
        while (!left.isEmpty()) {
            Candidate best = null;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (Candidate c : left) {
                double v = c.score - penalty(closest.getOrDefault(c, -1.0));
                if (v > bestValue) {
                    best = c;
                    bestValue = v;
                }
            }
            left.remove(best);
            picked.add(best);
            double p = penalty(closest.getOrDefault(best, -1.0));
            if (p > 0) {
                best.redundancy = p;
                best.redundantCosine = closest.get(best);
                best.redundantWith = closestTo.get(best).label();
                best.score -= p;
            }
            float[] b = vectors.get(best.id);
            if (b == null) {
                continue;
            }
            for (Candidate c : left) {
                float[] v = vectors.get(c.id);
                if (v != null) {
                    double cos = Vectors.dot(b, v);
                    if (cos > closest.getOrDefault(c, -1.0)) {
                        closest.put(c, cos);
                        closestTo.put(c, best);
                    }
                }
            }
        }
        return picked;
    }

    private double penalty(double cosine) {
        return t.redundancy() * Math.max(0, cosine - t.cosineZero());
    }

    private void explain(Candidate c) {
        List<String> r = c.reasons;
        if (c.vectorRank > 0) {
            r.add(String.format(Locale.ROOT, "vector: rank %d, cosine %.3f", c.vectorRank, 2 * c.cosine - 1));
        }
        if (c.textRank > 0) {
            r.add(String.format(Locale.ROOT, "fulltext: rank %d, bm25 %.2f", c.textRank, c.bm25));
        }
        if (c.viaGraphOnly) {
            r.add(String.format(Locale.ROOT, "own similarity: cosine %.3f", 2 * c.cosine - 1));
        }
        if (strategy == RecallStrategy.GRAPH) {
            if (c.names > 0 && !names.isEmpty() && t.nameWeight() > 0) {
                r.add("mentions " + c.names + " of the names asked about " + names);
            }
            if (c.speaker && t.speakerWeight() > 0) {
                r.add("said by someone the question names " + names);
            }
            double bp = t.brevityPenalty(c.length);
            if (bp > 0.01) {
                r.add(String.format(Locale.ROOT, "brief: %d characters (-%.2f)", c.length, bp));
            }
            if (c.event != null && t.eventWeight() > 0) {
                r.add(String.format(Locale.ROOT, "tells of an event placed in time ('%s') (+%.2f)", c.event,
                        t.eventWeight()));
            }
            double sb = sessionBonus(c);
            if (sb > 0.01) {
                r.add(String.format(Locale.ROOT, "session %s holds strong hits (+%.2f)", c.session, sb));
            }
            if (c.graphReason != null) {
                r.add(String.format(Locale.ROOT, "%s (+%.2f)", c.graphReason, c.graphBonus));
            }
            if (c.redundancy > 0.005) {
                r.add(String.format(Locale.ROOT, "repeats %s ranked above it (cosine %.3f) (-%.2f)", c.redundantWith,
                        c.redundantCosine, c.redundancy));
            }
        }
        c.adjustments.forEach(a -> r.add(a.get()));
    }

    private static double num(Object o) {
        return o == null ? 0 : ((Number) o).doubleValue();
    }

    static final class Candidate {
        private final String id;
        private String externalId;
        private String session;
        private int vectorRank;
        private int textRank;
        private double cosine = 0.5;
        private double bm25;
        private int names;
        private boolean speaker;
        private int length = -1;
        /** The first time expression of its content, or null. */
        private String event;
        /** What the redundancy step took off its score, and the better-ranked memory it resembles. */
        private double redundancy;
        private String redundantWith;
        private double redundantCosine;
        private double direct;
        private double pre;
        private double graphBonus;
        private String graphReason;
        private boolean viaGraphOnly;
        private double score;
        private final List<String> reasons = new ArrayList<>();
        /**
         * Reasons of adjustments made after fusion (time): said after the signals that found the candidate; written
         * out only for the candidates returned (formatting a number for each of ~250 candidates took ~0.2 ms).
         */
        private final List<Supplier<String>> adjustments = new ArrayList<>();

        Candidate(String id) {
            this.id = id;
        }

        String id() {
            return id;
        }

        double score() {
            return score;
        }

        /**
         * Raises (factor above 1) or lowers the score in proportion, saying why; a calibrated score may be negative,
         * and a boost must still move it up.
         */
        void scale(double factor, String reason) {
            scale(factor, () -> reason);
        }

        /** {@link #scale(double, String)} with the reason written out only if the candidate is returned. */
        void scale(double factor, Supplier<String> reason) {
            score = score >= 0 ? score * factor : score / factor;
            adjustments.add(reason);
        }

        List<String> reasons() {
            return reasons;
        }

        String label() {
            return externalId != null ? externalId : id;
        }

        String signal() {
            if (vectorRank > 0 && (textRank == 0 || vectorRank <= textRank)) {
                return "vector rank " + vectorRank;
            }
            return textRank > 0 ? "fulltext rank " + textRank : "graph";
        }
    }
}
