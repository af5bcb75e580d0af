package io.mnemograph.bench;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turn-level retrieval metrics of one question, computed exactly as locomo_retrieval_eval.score_question does. */
final class Metrics {

    static final int[] KS = {1, 5, 10, 20};

    private Metrics() {
    }

    static Map<String, Double> score(List<String> gold, List<String> ranked) {
        Set<String> goldSet = new HashSet<>(gold);
        Set<String> seen = new HashSet<>();
        int[] foundAt = new int[goldSet.size()];
        int found = 0;
        int rank = 0;
        for (String id : ranked) {
            if (!seen.add(id)) {
                continue; // a duplicate position is dropped
            }
            rank++;
            if (goldSet.contains(id)) {
                foundAt[found++] = rank;
            }
        }
        Map<String, Double> res = new LinkedHashMap<>();
        res.put("mrr", found == 0 ? 0.0 : 1.0 / foundAt[0]);
        for (int k : KS) {
            int hits = 0;
            double dcg = 0;
            for (int i = 0; i < found; i++) {
                if (foundAt[i] <= k) {
                    hits++;
                    dcg += 1 / log2(foundAt[i] + 1);
                }
            }
            double ideal = 0;
            for (int r = 1; r <= Math.min(goldSet.size(), k); r++) {
                ideal += 1 / log2(r + 1);
            }
            res.put("recall@" + k, (double) hits / goldSet.size());
            res.put("all@" + k, hits == goldSet.size() ? 1.0 : 0.0);
            res.put("ndcg@" + k, ideal > 0 ? dcg / ideal : 0.0);
        }
        return res;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
