package io.mnemograph.recall;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reciprocal-rank fusion of ranked candidate lists, keeping the reasons each candidate came with. */
final class Fusion {

    /** Reciprocal-rank fusion constant (Cormack et al.). */
    static final int RRF_K = 60;
    private final Map<String, Candidate> candidates = new LinkedHashMap<>();

    /** Adds one ranked list (rows with id and score, best first) from {@code signal}. */
    void add(String signal, List<Map<String, Object>> rows) {
        int rank = 0;
        for (Map<String, Object> r : rows) {
            rank++;
            String id = (String) r.get("id");
            double score = ((Number) r.get("score")).doubleValue();
            Candidate c = candidates.computeIfAbsent(id, Candidate::new);
            c.add(1.0 / (RRF_K + rank), String.format(Locale.ROOT, "%s: rank %d, score %.3f", signal, rank, score));
        }
    }

    /** Every candidate so far, to adjust their scores (time) before {@link #top}. */
    Collection<Candidate> candidates() {
        return candidates.values();
    }

    /** The best {@code n} with a score of at least {@code minScore}, best first. */
    List<Candidate> top(int n, double minScore) {
        List<Candidate> ranked = new ArrayList<>(candidates.values());
        ranked.removeIf(c -> c.score < minScore);
        ranked.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return ranked.subList(0, Math.min(n, ranked.size()));
    }

    static final class Candidate {
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

        /** Multiplies the score by {@code factor}, saying why. */
        void scale(double factor, String reason) {
            score *= factor;
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
