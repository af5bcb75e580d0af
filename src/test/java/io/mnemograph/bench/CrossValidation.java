package io.mnemograph.bench;

import io.mnemograph.memory.RecallStrategy;
import io.mnemograph.recall.RecallTuning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Leave-one-conversation-out on the LoCoMo runner's results: every weight is chosen on two conversations and scored on
 * the third, in turn, so that a figure says how the tuning does on a conversation it never saw. A fixed variant's
 * folds are its score per conversation; a grid's folds are the score, on the held-out conversation, of the grid point
 * that did best on the other two.
 */
final class CrossValidation {

    static final List<String> CATEGORIES = List.of("4:single-hop", "1:multi-hop", "2:temporal", "3:open-domain");

    private CrossValidation() {
    }

    /**
     * The tuning grid ({@code -Dbench.cv=true}): the default, then each knob moved alone either way. The default comes
     * first and wins ties.
     */
    static List<LocomoBenchTest.Variant> grid() {
        RecallTuning d = RecallTuning.DEFAULT;
        List<LocomoBenchTest.Variant> out = new ArrayList<>();
        out.add(point("default", d));
        for (double v : new double[] {0.1, 0.3}) {
            out.add(point("speaker " + v, d.withSpeakerWeight(v)));
        }
        for (double v : new double[] {0.1, 0.3}) {
            out.add(point("session " + v, d.withSessionWeight(v)));
        }
        for (double v : new double[] {0.25, 0.45}) {
            out.add(point("text " + v, d.withTextWeight(v)));
        }
        for (double v : new double[] {0.1, 0.3}) {
            out.add(point("brevity " + v, d.withBrevity(v, d.brevityLength())));
        }
        for (double v : new double[] {0.15, 0.35}) {
            out.add(point("next " + v, d.withNextWeight(v)));
        }
        for (double v : new double[] {0.0, 0.15}) {
            out.add(point("links " + v, d.withLinkWeight(v)));
        }
        for (double v : new double[] {0.0, 0.02, 0.06}) {
            out.add(point("event " + v, d.withEventWeight(v)));
        }
        for (double v : new double[] {0.0, 0.15, 0.45}) {
            out.add(point("redundancy " + v, d.withRedundancy(v)));
        }
        return out;
    }

    private static LocomoBenchTest.Variant point(String name, RecallTuning t) {
        return new LocomoBenchTest.Variant("cv: " + name, RecallStrategy.GRAPH, t, "grid point");
    }

    /** The folds of every fixed variant, and when a grid ran, the grid's cross-validated figures. */
    static String report(List<LocomoBenchTest.Result> results, List<String> scopes, List<LocomoBenchTest.Variant> grid) {
        StringBuilder b = new StringBuilder("\n### Per conversation (R@10; each conversation is one fold)\n\n| variant |");
        scopes.forEach(s -> b.append(' ').append(s).append(" |"));
        b.append(" mean of folds | all-in |\n|---|");
        scopes.forEach(s -> b.append("---|"));
        b.append("---|---|\n");
        for (LocomoBenchTest.Result r : results) {
            if (grid.contains(r.variant())) {
                continue;
            }
            b.append("| ").append(r.variant().name()).append(" |");
            double sum = 0;
            for (String s : scopes) {
                double v = mean(r.scored(), q -> q.sampleId().equals(s));
                sum += v;
                b.append(String.format(Locale.ROOT, " %.3f |", v));
            }
            b.append(String.format(Locale.ROOT, " %.3f | %.3f |%n", sum / scopes.size(), mean(r.scored(), q -> true)));
        }
        List<LocomoBenchTest.Result> points = results.stream().filter(r -> grid.contains(r.variant())).toList();
        if (!points.isEmpty()) {
            b.append(gridReport(points, scopes));
        }
        return b.toString();
    }

    private static String gridReport(List<LocomoBenchTest.Result> points, List<String> scopes) {
        StringBuilder b = new StringBuilder("\n### Leave one conversation out (").append(points.size())
                .append(" grid points; each fold tunes on the other two conversations)\n\n");
        b.append("| held out | chosen on the other two | train R@10 | held-out R@10 |");
        CATEGORIES.forEach(c -> b.append(' ').append(c).append(" |"));
        b.append("\n|---|---|---|---|---|---|---|---|\n");
        List<LocomoBenchTest.Scored> pooled = new ArrayList<>();
        double foldSum = 0;
        for (String held : scopes) {
            LocomoBenchTest.Result best = null;
            double bestTrain = -1;
            for (LocomoBenchTest.Result p : points) {
                double train = mean(p.scored(), q -> !q.sampleId().equals(held));
                if (train > bestTrain + 1e-9) {
                    best = p;
                    bestTrain = train;
                }
            }
            List<LocomoBenchTest.Scored> test = best.scored().stream().filter(q -> q.sampleId().equals(held)).toList();
            pooled.addAll(test);
            double score = mean(test, q -> true);
            foldSum += score;
            b.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f |", held, best.variant().name(), bestTrain,
                    score));
            for (String c : CATEGORIES) {
                b.append(String.format(Locale.ROOT, " %.3f |", mean(test, q -> q.category().equals(c))));
            }
            b.append('\n');
        }
        LocomoBenchTest.Result allIn = null;
        for (LocomoBenchTest.Result p : points) {
            if (allIn == null || mean(p.scored(), q -> true) > mean(allIn.scored(), q -> true) + 1e-9) {
                allIn = p;
            }
        }
        b.append(String.format(Locale.ROOT, "| **cross-validated** (pooled %d questions; mean of folds %.3f) | | | **%.3f** |",
                pooled.size(), foldSum / scopes.size(), mean(pooled, q -> true)));
        for (String c : CATEGORIES) {
            b.append(String.format(Locale.ROOT, " %.3f |", mean(pooled, q -> q.category().equals(c))));
        }
        LocomoBenchTest.Result chosen = allIn;
        b.append(String.format(Locale.ROOT, "%n| all-in (tuned on all three) | %s | | %.3f |", chosen.variant().name(),
                mean(chosen.scored(), q -> true)));
        for (String c : CATEGORIES) {
            b.append(String.format(Locale.ROOT, " %.3f |", mean(chosen.scored(), q -> q.category().equals(c))));
        }
        b.append("\n\nEvery grid point, all-in R@10 (and per conversation):\n\n");
        for (LocomoBenchTest.Result p : points) {
            b.append(String.format(Locale.ROOT, "- %s: %.3f (", p.variant().name(), mean(p.scored(), q -> true)));
            for (String s : scopes) {
                b.append(String.format(Locale.ROOT, "%s %.3f%s", s, mean(p.scored(), q -> q.sampleId().equals(s)),
                        s.equals(scopes.get(scopes.size() - 1)) ? "" : ", "));
            }
            b.append(String.format(Locale.ROOT, "; multi-hop %.3f)%n", mean(p.scored(), q -> q.category().equals("1:multi-hop"))));
        }
        return b.toString();
    }

    static double mean(Collection<LocomoBenchTest.Scored> rows, Predicate<LocomoBenchTest.Scored> which) {
        return rows.stream().filter(which).mapToDouble(q -> q.metrics().get("recall@10")).average().orElse(Double.NaN);
    }
}
