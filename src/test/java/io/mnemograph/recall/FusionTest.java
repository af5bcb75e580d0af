package io.mnemograph.recall;

import io.mnemograph.memory.RecallStrategy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FusionTest {

    static Map<String, Object> hit(String id, double score) {
        return Map.of("id", id, "score", score);
    }

    static Map<String, Object> features(String id, double cosine) {
        Map<String, Object> r = new HashMap<>();
        r.put("id", id);
        r.put("externalId", id);
        r.put("session", "s");
        r.put("cosine", cosine);
        r.put("names", 0L);
        r.put("speaker", 0L);
        return r;
    }

    @Test
    void namesAreCapitalisedWordsThatAreNotQuestionWords() {
        assertEquals(List.of("caroline", "lgbtq"), Fusion.names("What did Caroline do at the LGBTQ meeting?"));
        assertEquals(List.of("melanie"), Fusion.names("When did Melanie paint a sunrise?"));
    }

    @Test
    void aCandidateTheFiltersDropIsGoneAndTheVectorRanksCloseUpToTheLimit() {
        Fusion f = new Fusion(RecallTuning.DEFAULT, RecallStrategy.HYBRID, List.of());
        f.vector(List.of(hit("forgotten", 0.97), hit("a", 0.95), hit("b", 0.90), hit("c", 0.80)));
        f.fulltext(List.of(hit("c", 4.0)));
        // no row for "forgotten": recall/features filtered it out; room for two vector hits
        f.features(List.of(features("a", 0.95), features("b", 0.90), features("c", 0.80)), 2);
        f.scoreDirect();
        List<Fusion.Candidate> top = f.top(10, 0, ids -> Map.of());
        assertEquals(List.of("a", "b", "c"), top.stream().map(Fusion.Candidate::id).sorted().toList());
        Fusion.Candidate a = top.stream().filter(c -> c.id().equals("a")).findFirst().orElseThrow();
        assertTrue(a.reasons().contains("vector: rank 1, cosine 0.900"), a.reasons().toString());
        Fusion.Candidate c = top.stream().filter(x -> x.id().equals("c")).findFirst().orElseThrow();
        assertTrue(c.reasons().stream().noneMatch(r -> r.startsWith("vector:")), "c is past the vector limit: "
                + c.reasons());
    }

    @Test
    void expansionNeverPushesOutTheStrongestDirectHits() {
        RecallTuning t = RecallTuning.DEFAULT.withNextWeight(5.0); // absurdly strong expansion
        Fusion f = new Fusion(t, RecallStrategy.GRAPH, List.of());
        f.vector(List.of(hit("a", 0.95), hit("b", 0.90), hit("c", 0.80), hit("d", 0.75)));
        f.features(List.of(features("a", 0.95), features("b", 0.90), features("c", 0.80), features("d", 0.75)),
                Integer.MAX_VALUE);
        f.scoreDirect();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String n : List.of("x", "y", "z")) {
            Map<String, Object> r = features(n, 0.6);
            r.put("seed", "a");
            r.put("path", "next");
            r.put("hops", 1L);
            rows.add(r);
        }
        f.expand(rows);
        List<String> top = f.top(4, 0, ids -> Map.of()).stream().map(Fusion.Candidate::id).toList();
        assertTrue(top.containsAll(List.of("a", "b")), top.toString());
        assertEquals(4, top.size());
    }

    @Test
    void graphLetsAMemoryThatSaysMoreOutrankAShortOneOfSlightlyHigherSimilarity() {
        for (RecallStrategy strategy : List.of(RecallStrategy.VECTOR, RecallStrategy.GRAPH)) {
            Fusion f = new Fusion(RecallTuning.DEFAULT, strategy, List.of());
            f.vector(List.of(hit("short", 0.86), hit("long", 0.85)));
            Map<String, Object> s = features("short", 0.86);
            s.put("length", 40L); // "Caroline: Wow! Did you see that band?"
            Map<String, Object> l = features("long", 0.85);
            l.put("length", 320L);
            f.features(List.of(s, l), Integer.MAX_VALUE);
            f.scoreDirect();
            List<String> top = f.top(2, 0, ids -> Map.of()).stream().map(Fusion.Candidate::id).toList();
            assertEquals(strategy == RecallStrategy.GRAPH ? List.of("long", "short") : List.of("short", "long"), top,
                    strategy.toString());
        }
    }

    @Test
    void graphLetsADifferentMemoryPassTheSecondTellingOfTheSameFact() {
        // a and a2 tell one fact in almost the same words; b says something else, a little less similar to the query
        Map<String, float[]> vectors = Map.of("a", new float[] {1, 0, 0}, "a2", new float[] {0.99f, 0.14f, 0},
                "b", new float[] {0.3f, 0, 0.95f});
        for (RecallStrategy strategy : List.of(RecallStrategy.HYBRID, RecallStrategy.GRAPH)) {
            Fusion f = new Fusion(RecallTuning.DEFAULT, strategy, List.of());
            f.vector(List.of(hit("a", 0.93), hit("a2", 0.92), hit("b", 0.91)));
            f.features(List.of(features("a", 0.93), features("a2", 0.92), features("b", 0.91)), Integer.MAX_VALUE);
            f.scoreDirect();
            List<Fusion.Candidate> top = f.top(3, 0, ids -> vectors);
            List<String> order = top.stream().map(Fusion.Candidate::id).toList();
            assertEquals(strategy == RecallStrategy.GRAPH ? List.of("a", "b", "a2") : List.of("a", "a2", "b"), order,
                    strategy.toString());
            if (strategy == RecallStrategy.GRAPH) {
                Fusion.Candidate a2 = top.get(2);
                assertTrue(a2.reasons().stream().anyMatch(r -> r.startsWith("repeats a ranked above it (cosine 0.990)")),
                        a2.reasons().toString());
                assertTrue(top.get(0).score() > top.get(1).score() && top.get(1).score() > top.get(2).score(),
                        "scores follow the order");
            }
        }
    }

    @Test
    void graphPrefersAMemoryThatPlacesAnEventInTime() {
        Fusion f = new Fusion(RecallTuning.DEFAULT.withRedundancy(0), RecallStrategy.GRAPH, List.of());
        f.vector(List.of(hit("plain", 0.86), hit("dated", 0.855)));
        Map<String, Object> dated = features("dated", 0.855);
        dated.put("event", "last weekend");
        f.features(List.of(features("plain", 0.86), dated), Integer.MAX_VALUE);
        f.scoreDirect();
        List<Fusion.Candidate> top = f.top(2, 0, ids -> Map.of());
        assertEquals(List.of("dated", "plain"), top.stream().map(Fusion.Candidate::id).toList());
        assertTrue(top.get(0).reasons().contains("tells of an event placed in time ('last weekend') (+0.04)"),
                top.get(0).reasons().toString());
    }
}
