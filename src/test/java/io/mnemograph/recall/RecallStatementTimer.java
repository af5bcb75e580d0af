package io.mnemograph.recall;

import io.mnemograph.graph.GraphStore;
import io.mnemograph.graph.MemoryVectors;
import io.mnemograph.memory.RecallRequest;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Benchmark helper: runs the statements of one GRAPH recall one by one, with the parameters RecallService gives
 * them, and times each, to see where the storage part of recall goes. Seeds are the best vector hits (close enough
 * to the fused ranking for timing). Lives in this package for the package-private query builders it reuses.
 */
public final class RecallStatementTimer {

    /**
     * The statements in the order recall runs them; memory/get runs in a transaction of its own, and the last
     * (reinforcement, coalesced) runs after the answer in the background. "exact re-rank read" is the part of the
     * vector search that reads exact vectors from the graph (embedded mode: those the search read), timed again on its
     * own.
     */
    public static final List<String> STATEMENTS = List.of("vector search", "exact re-rank read", "recall/fulltext",
            "recall/features", "recall/expand", "memory/get", "time/reinforce_batch (after the answer)");

    private RecallStatementTimer() {
    }

    /**
     * Milliseconds each step took (STATEMENTS order), plus "rows/expand" as a count. "vector search" is the
     * in-process index in embedded mode, recall/scope_size and recall/vector in server mode.
     */
    public static Map<String, Double> time(GraphStore store, MemoryVectors vectors, RecallRequest r, float[] vector) {
        RecallTuning t = RecallTuning.DEFAULT;
        int want = Math.max(r.limit(), t.candidates());
        List<String> names = Fusion.names(r.query());
        Map<String, Object> params = new HashMap<>();
        params.put("scope", r.scope());
        params.put("at", r.at().atZone(ZoneOffset.UTC));
        params.put("from", null);
        params.put("to", null);
        params.put("includeSuperseded", false);
        Map<String, Double> ms = new LinkedHashMap<>();
        List<String> ids = store.read(tx -> {
            long t0 = System.nanoTime();
            List<Map<String, Object>> vec = new ArrayList<>();
            List<String> exactlyRead = new ArrayList<>();
            if (vectors.searchable()) {
                for (MemoryVectors.Hit h : vectors.nearest(tx, r.scope(), vector, want + want / 2,
                        r.limit(), Long.MAX_VALUE, (id, v) -> exactlyRead.add(id))) {
                    vec.add(Map.of("id", h.id(), "score", (1 + h.cosine()) / 2));
                }
            } else {
                Map<String, Object> size = tx.run("recall/scope_size", Map.of("scope", r.scope())).get(0);
                double share = (double) (Long) size.get("memories") / Math.max(1, (Long) size.get("total"));
                Map<String, Object> p = new HashMap<>(params);
                p.put("vector", vector);
                p.put("limit", want);
                p.put("k", (int) Math.max(Math.ceil(want / share * 1.5), want));
                vec = tx.run("recall/vector", p);
            }
            ms.put("vector search", since(t0));
            if (vectors.searchable()) { // the same memories again: those the search read exactly
                t0 = System.nanoTime();
                tx.run("memory/embeddings", Map.of("ids", exactlyRead));
                ms.put("exact re-rank read", since(t0));
                ms.put("rows/exact", (double) exactlyRead.size());
            } else {
                ms.put("exact re-rank read", 0.0);
                ms.put("rows/exact", 0.0);
            }
            Map<String, Object> f = new HashMap<>(params);
            f.put("terms", RecallService.fulltextTerms(r.query()));
            f.put("scopeKey", io.mnemograph.remember.RememberService.scopeKey(r.scope()));
            f.put("k", want);
            f.put("limit", want);
            t0 = System.nanoTime();
            List<Map<String, Object>> text = tx.run("recall/fulltext", f);
            ms.put("recall/fulltext", since(t0));
            Set<String> all = new LinkedHashSet<>();
            vec.forEach(x -> all.add((String) x.get("id")));
            text.forEach(x -> all.add((String) x.get("id")));
            Map<String, Object> fp = new HashMap<>(params);
            fp.put("ids", new ArrayList<>(all));
            t0 = System.nanoTime();
            Map<String, Double> cosines = new HashMap<>();
            if (vectors.searchable()) { // every candidate's similarity from the process, as RecallService computes it
                vectors.cosines(tx, r.scope(), all, vector).forEach((id, c) -> cosines.put(id, (1 + c) / 2));
            }
            vec.forEach(x -> cosines.put((String) x.get("id"), ((Number) x.get("score")).doubleValue()));
            fp.put("cosines", cosines);
            fp.put("vector", vector);
            fp.put("names", names);
            fp.put("cosineInGraph", !vectors.searchable());
            tx.run("recall/features", fp);
            ms.put("recall/features", since(t0));
            List<String> seeds = vec.stream().limit(t.seeds()).map(x -> (String) x.get("id")).toList();
            Map<String, Object> ep = new HashMap<>(params);
            ep.put("seeds", seeds);
            ep.put("vector", vector);
            ep.put("names", names);
            ep.put("window", t.window());
            ep.put("maxKeywordMemories", RecallTuning.MAX_KEYWORD_MEMORIES);
            ep.put("cosineInGraph", !vectors.searchable());
            ep.put("keywords", t.keywordWeight() > 0);
            t0 = System.nanoTime();
            List<Map<String, Object>> rows = tx.run("recall/expand", ep);
            if (vectors.searchable()) {
                vectors.cosines(tx, r.scope(), rows.stream().map(x -> (String) x.get("id")).toList(), vector);
            }
            int expanded = rows.size();
            ms.put("recall/expand", since(t0));
            ms.put("rows/expand", (double) expanded);
            return new ArrayList<>(all);
        });
        List<String> top = ids.subList(0, Math.min(r.limit(), ids.size()));
        long t0 = System.nanoTime();
        store.query("memory/get", Map.of("ids", top));
        ms.put("memory/get", since(t0));
        Map<String, Object> rp = new HashMap<>();
        rp.put("rows", top.stream().sorted().map(id -> Map.of("id", id, "count", 1, "at",
                r.at().atZone(ZoneOffset.UTC))).toList());
        rp.put("growth", 0.2);
        rp.put("max", 10.0);
        t0 = System.nanoTime();
        store.update("time/reinforce_batch", rp);
        ms.put("time/reinforce_batch (after the answer)", since(t0));
        return ms;
    }

    private static double since(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }
}
