package io.mnemograph.graph;

import io.mnemograph.embedding.Vectors;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The in-process vector search of one scope against an exact pass over the same vectors. */
class ScopeVectorsTest {

    private static final int DIMENSIONS = 384;

    @Test
    void aSmallScopeIsSearchedExactly() {
        Random random = new Random(7);
        List<float[]> all = clustered(random, 1000, 20);
        ScopeVectors scope = fill(all);
        for (int q = 0; q < 20; q++) {
            float[] query = near(random, all.get(random.nextInt(all.size())), 0.05f);
            List<MemoryVectors.Hit> hits = nearest(scope, all, query, 10, Long.MAX_VALUE);
            assertEquals(exact(all, query, 10, Integer.MAX_VALUE), hits.stream().map(MemoryVectors.Hit::id).toList());
            for (int i = 1; i < hits.size(); i++) {
                assertTrue(hits.get(i - 1).cosine() >= hits.get(i).cosine(), "best first");
            }
            assertEquals(Vectors.cosine(query, all.get(index(hits.get(0).id()))), hits.get(0).cosine(), 1e-5);
        }
    }

    @Test
    void aLargeScopeFindsAlmostAllOfTheExactNearestThroughItsShortlist() {
        Random random = new Random(11);
        List<float[]> all = clustered(random, 30_000, 30);
        ScopeVectors scope = fill(all);
        double found = 0;
        int queries = 40;
        for (int q = 0; q < queries; q++) {
            float[] query = near(random, all.get(random.nextInt(all.size())), 0.05f);
            Set<String> exact = new HashSet<>(exact(all, query, 50, Integer.MAX_VALUE));
            found += nearest(scope, all, query, 50, Long.MAX_VALUE).stream().filter(h -> exact.contains(h.id())).count()
                    / 50.0;
        }
        System.out.printf("shortlist recall@50 against exact: %.3f%n", found / queries);
        assertTrue(found / queries >= 0.95, "recall@50 against exact: " + found / queries);
    }

    @Test
    void onlyMemoriesNumberedBeforeTheCutAreOffered() {
        Random random = new Random(3);
        List<float[]> all = clustered(random, 6000, 30);
        ScopeVectors scope = fill(all);
        float[] query = all.get(5999);
        List<MemoryVectors.Hit> hits = nearest(scope, all, query, 20, 3000);
        assertEquals(20, hits.size());
        assertTrue(hits.stream().allMatch(h -> index(h.id()) < 3000), "memory numbered 3000 or later offered");
    }

    @Test
    void aRemovedMemoryIsGoneAndTheOthersStayFindable() {
        Random random = new Random(5);
        List<float[]> all = clustered(random, 200, 5);
        ScopeVectors scope = fill(all);
        scope.remove("m17");
        assertFalse(scope.holds("m17"));
        assertNull(scope.vector("m17"));
        assertEquals(199, scope.size());
        assertFalse(nearest(scope, all, all.get(17), 200, Long.MAX_VALUE).stream().anyMatch(h -> h.id().equals("m17")));
        // the memory moved into its place is still found as its own nearest
        assertEquals("m199", nearest(scope, all, all.get(199), 1, Long.MAX_VALUE).get(0).id());
        scope.add("m17", 17, all.get(17));
        assertEquals("m17", nearest(scope, all, all.get(17), 1, Long.MAX_VALUE).get(0).id());
    }

    @Test
    void theInt8ShortlistHoldsTheExactNearestAndTheExactRankingPutsThemInOrder() {
        Random random = new Random(13);
        List<float[]> all = clustered(random, 3000, 10);
        ScopeVectors scope = fill(all);
        double int8Found = 0;
        int queries = 30;
        for (int q = 0; q < queries; q++) {
            float[] query = near(random, all.get(random.nextInt(all.size())), 0.05f);
            List<String> exact = exact(all, query, 50, Integer.MAX_VALUE);
            Set<String> exactSet = new HashSet<>(exact);
            List<MemoryVectors.Hit> shortlist = scope.shortlist(query, 50, Long.MAX_VALUE);
            int8Found += shortlist.stream().filter(h -> exactSet.contains(h.id())).count() / 50.0;
            for (MemoryVectors.Hit h : shortlist) {
                assertEquals(Vectors.cosine(query, all.get(index(h.id()))), h.cosine(), 5e-3, "int8 cosine");
            }
            // exact search within the scope (under the exact-search limit): the re-ranked answer is the exact one
            assertEquals(exact, nearest(scope, all, query, 50, Long.MAX_VALUE).stream().map(MemoryVectors.Hit::id)
                    .toList());
        }
        System.out.printf("int8 alone: recall@50 against exact %.3f%n", int8Found / queries);
        assertTrue(int8Found / queries >= 0.9, "int8 recall@50: " + int8Found / queries);
    }

    @Test
    void onlyTheBestAreReadExactlyWhenTheCallerSaysSoAndTheRestKeepTheirInt8Cosines() {
        Random random = new Random(19);
        List<float[]> all = clustered(random, 3000, 10);
        ScopeVectors scope = fill(all);
        for (int q = 0; q < 20; q++) {
            float[] query = near(random, all.get(random.nextInt(all.size())), 0.05f);
            List<String> read = new ArrayList<>();
            List<MemoryVectors.Hit> hits = ScopeVectors.rerank(query, scope.shortlist(query, 300, Long.MAX_VALUE), 150,
                    60, ids -> {
                        Map<String, float[]> out = new HashMap<>();
                        ids.forEach(id -> {
                            read.add(id);
                            out.put(id, all.get(index(id)));
                        });
                        return out;
                    });
            assertEquals(150, hits.size());
            assertEquals(60, read.size(), "exact vectors read");
            for (int i = 1; i < hits.size(); i++) {
                assertTrue(hits.get(i - 1).cosine() >= hits.get(i).cosine(), "best first");
            }
            Set<String> exactly = new HashSet<>(read);
            List<String> exact = exact(all, query, 150, Integer.MAX_VALUE);
            for (MemoryVectors.Hit h : hits) {
                double cosine = Vectors.cosine(query, all.get(index(h.id())));
                assertEquals(cosine, h.cosine(), exactly.contains(h.id()) ? 1e-6 : 5e-3, h.id());
            }
            // the best 20 are the exact best 20: int8 decides only the far end
            assertEquals(exact.subList(0, 20), hits.subList(0, 20).stream().map(MemoryVectors.Hit::id).toList());
        }
    }

    @Test
    void theHeldCosinesAreWithinInt8PrecisionOfTheExactOnesAndOnlyForMemoriesHeld() {
        Random random = new Random(13);
        List<float[]> all = clustered(random, 500, 10);
        ScopeVectors scope = fill(all);
        scope.remove("m3");
        float[] query = near(random, all.get(42), 0.3f);
        List<String> ids = List.of("m3", "m42", "m100", "m499", "nobody");
        Map<String, Double> cosines = new HashMap<>();
        scope.cosines(query, ids, cosines);
        assertEquals(Set.of("m42", "m100", "m499"), cosines.keySet());
        for (var e : cosines.entrySet()) {
            assertEquals(Vectors.cosine(query, all.get(index(e.getKey()))), e.getValue(), 5e-3, e.getKey());
        }
    }

    @Test
    void severalQueriesAtOnceGetWhatEachGetsAlone() {
        Random random = new Random(19);
        List<float[]> all = clustered(random, 8000, 25); // above EXACT_LIMIT: the pass over the codes
        ScopeVectors scope = fill(all);
        List<float[]> queries = new ArrayList<>();
        for (int q = 0; q < 7; q++) {
            queries.add(near(random, all.get(random.nextInt(all.size())), 0.1f));
        }
        queries.add(new float[12]); // another model's vector: nothing
        for (long before : new long[] {Long.MAX_VALUE, 5000}) {
            List<List<MemoryVectors.Hit>> together = scope.shortlists(queries, 60, 2000, before);
            assertEquals(queries.size(), together.size());
            for (int q = 0; q < queries.size(); q++) {
                assertEquals(scope.shortlist(queries.get(q), 60, 2000, before), together.get(q), "query " + q);
            }
            assertEquals(60, together.get(0).size());
            assertTrue(together.get(queries.size() - 1).isEmpty());
            if (before == 5000) {
                assertTrue(together.stream().flatMap(List::stream).allMatch(h -> index(h.id()) < 5000));
            }
        }
    }

    @Test
    void aMemoryTakesAboutAQuarterOfItsFloatVectorsHeap() {
        List<float[]> all = clustered(new Random(17), 20_000, 20);
        long perMemory = fill(all).heapBytes() / all.size();
        System.out.printf("heap per memory at 20k: %d bytes%n", perMemory);
        assertTrue(perMemory < 600, "heap per memory " + perMemory + " bytes (float vectors alone are 1,536)");
    }

    /** Search as the index does it: the int8 shortlist ranked again by the exact vectors (here: the test's own). */
    private static List<MemoryVectors.Hit> nearest(ScopeVectors scope, List<float[]> all, float[] query, int k,
                                                   long before) {
        return scope.nearest(query, k, before, ids -> {
            Map<String, float[]> out = new HashMap<>();
            ids.forEach(id -> out.put(id, all.get(index(id))));
            return out;
        });
    }

    private static ScopeVectors fill(List<float[]> all) {
        ScopeVectors scope = new ScopeVectors();
        for (int i = 0; i < all.size(); i++) {
            scope.add("m" + i, i, all.get(i));
        }
        return scope;
    }

    private static int index(String id) {
        return Integer.parseInt(id.substring(1));
    }

    private static List<String> exact(List<float[]> all, float[] query, int k, int before) {
        double[] cosine = all.stream().mapToDouble(v -> Vectors.cosine(query, v)).toArray();
        return IntStream.range(0, Math.min(before, all.size())).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -cosine[i])).limit(k).map(i -> "m" + i).toList();
    }

    /** Unit vectors around random centres, the way embeddings of a scope's topics gather. */
    private static List<float[]> clustered(Random random, int n, int topics) {
        List<float[]> centres = new ArrayList<>();
        for (int t = 0; t < topics; t++) {
            centres.add(near(random, new float[DIMENSIONS], 1f));
        }
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(near(random, centres.get(random.nextInt(topics)), 0.6f));
        }
        return out;
    }

    private static float[] near(Random random, float[] centre, float spread) {
        float[] v = new float[DIMENSIONS];
        double norm = 0;
        for (int d = 0; d < DIMENSIONS; d++) {
            v[d] = centre[d] + spread * (float) random.nextGaussian() / (float) Math.sqrt(DIMENSIONS);
            norm += v[d] * v[d];
        }
        for (int d = 0; d < DIMENSIONS; d++) {
            v[d] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
