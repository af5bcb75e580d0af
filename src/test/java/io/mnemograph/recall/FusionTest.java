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
    void expansionNeverPushesOutTheStrongestDirectHits() {
        RecallTuning t = RecallTuning.DEFAULT.withNextWeight(5.0); // absurdly strong expansion
        Fusion f = new Fusion(t, RecallStrategy.GRAPH, List.of());
        f.vector(List.of(hit("a", 0.95), hit("b", 0.90), hit("c", 0.80), hit("d", 0.75)));
        f.features(List.of(features("a", 0.95), features("b", 0.90), features("c", 0.80), features("d", 0.75)));
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
        List<String> top = f.top(4, 0).stream().map(Fusion.Candidate::id).toList();
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
            f.features(List.of(s, l));
            f.scoreDirect();
            List<String> top = f.top(2, 0).stream().map(Fusion.Candidate::id).toList();
            assertEquals(strategy == RecallStrategy.GRAPH ? List.of("long", "short") : List.of("short", "long"), top,
                    strategy.toString());
        }
    }
}
