package io.mnemograph.transfer;

import io.mnemograph.config.TransferConfig;
import io.mnemograph.graph.GraphStore;
import io.mnemograph.graph.Values;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes scopes as NDJSON lines (docs/export.md), page by page: nodes first (sessions, keywords, tags, memories), then
 * what hangs between them (revisions, links, supersessions, NEXT), so that an import meets every node before its edges.
 * API keys are never part of it. Each page is its own read transaction: a scope written to meanwhile may be exported
 * with some of the new writes.
 */
@ApplicationScoped
public class ExportService {

    private final GraphStore store;
    private final InstantSource clock;
    private final int page;

    ExportService(GraphStore store, InstantSource clock, TransferConfig config) {
        this.store = store;
        this.clock = clock;
        this.page = config.pageSize();
    }

    /** Every scope of the store, the largest first. */
    public List<String> scopes() {
        return store.query("memory/scopes", Map.of()).stream().map(r -> (String) r.get("name")).toList();
    }

    /**
     * Hands {@code out} the lines of these scopes (a header first, an end line last), each a JSON object without a
     * newline. {@code scope} is what the header names: one scope, or null for the whole store.
     */
    public void export(String scope, List<String> scopes, boolean vectors, Consumer<String> out) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("format", Lines.FORMAT);
        header.put("version", Lines.VERSION);
        header.put("exportedAt", clock.instant().atZone(ZoneOffset.UTC));
        header.put("scope", scope);
        header.put("vectors", vectors);
        header.put("storage", store.mode());
        long[] lines = {1};
        out.accept(Lines.line(Lines.HEADER, header).encode());
        Consumer<JsonObject> emit = o -> {
            lines[0]++;
            out.accept(o.encode());
        };
        for (String s : scopes) {
            exportScope(s, vectors, emit);
        }
        out.accept(new JsonObject().put("type", Lines.END).put("lines", lines[0] + 1).encode());
    }

    private void exportScope(String scope, boolean vectors, Consumer<JsonObject> out) {
        for (Map<String, Object> r : store.query("transfer/scope", Map.of("scope", scope))) {
            out.accept(Lines.line(Lines.SCOPE, Map.of("scope", scope, "createdAt", r.get("createdAt"))));
        }
        pages("transfer/sessions", scope, "session", "key", r -> {
            Map<String, Object> p = props(r.get("session"));
            p.remove("key");
            out.accept(Lines.line(Lines.SESSION, p));
        });
        pages("transfer/sessions", scope, "session", "key", r -> {
            String from = (String) props(r.get("session")).get("id");
            for (Object to : (List<?>) r.get("next")) {
                out.accept(Lines.line(Lines.SESSION_NEXT, Map.of("scope", scope, "from", from, "to", to)));
            }
        });
        pages("transfer/keywords", scope, "node", "key", r -> {
            Map<String, Object> p = props(r.get("node"));
            p.remove("key");
            out.accept(Lines.line(Lines.KEYWORD, p));
        });
        pages("transfer/tags", scope, "node", "key", r -> {
            Map<String, Object> p = props(r.get("node"));
            p.remove("key");
            // floats either way: the driver hands a stored vector as doubles, embedded Neo4j as floats
            p.computeIfPresent("centroid", (k, v) -> Values.floats(v));
            out.accept(Lines.line(Lines.TAG, p));
        });
        pages("transfer/memories", scope, "memory", "id", r -> out.accept(memory(r, vectors)));
        edges(scope, "transfer/revisions_of", r -> out.accept(Lines.line(Lines.REVISION, props(r.get("revision")))));
        edges(scope, "transfer/links_of", r -> out.accept(edge(Lines.LINK, scope, r)));
        edges(scope, "transfer/supersedes_of", r -> out.accept(edge(Lines.SUPERSEDES, scope, r)));
        edges(scope, "transfer/next_of", r -> out.accept(edge(Lines.NEXT, scope, r)));
    }

    private static JsonObject memory(Map<String, Object> r, boolean vectors) {
        Map<String, Object> p = props(r.get("memory"));
        Object embedding = p.get("embedding");
        List<?> keys = (List<?>) p.get("metadataKeys");
        List<?> values = (List<?>) p.get("metadataValues");
        Lines.DERIVED.forEach(p::remove);
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (int i = 0; keys != null && values != null && i < Math.min(keys.size(), values.size()); i++) {
            metadata.put(String.valueOf(keys.get(i)), values.get(i));
        }
        p.put("metadata", metadata);
        // edge sets: sorted, so that the same graph gives the same line whichever store it comes from
        p.put("hasKeyword", sorted(r.get("hasKeyword")));
        p.put("tagged", sorted(r.get("tagged")));
        if (vectors && embedding != null) {
            p.put("embedding", Values.floats(embedding));
        }
        return Lines.line(Lines.MEMORY, p);
    }

    private static JsonObject edge(String type, String scope, Map<String, Object> r) {
        Map<String, Object> p = r.get("props") == null ? new LinkedHashMap<>() : props(r.get("props"));
        p.put("scope", scope);
        p.put("from", r.get("from"));
        p.put("to", r.get("to"));
        return Lines.line(type, p);
    }

    /** Runs a paged statement over a scope until a page comes back short, each row to {@code each}. */
    private void pages(String statement, String scope, String column, String key,
                       Consumer<Map<String, Object>> each) {
        String after = "";
        while (true) {
            Map<String, Object> params = Map.of("scope", scope, "after", after, "limit", page);
            List<Map<String, Object>> rows = store.query(statement, params);
            for (Map<String, Object> r : rows) {
                each.accept(r);
            }
            if (rows.size() < page) {
                return;
            }
            after = (String) props(rows.get(rows.size() - 1).get(column)).get(key);
        }
    }

    /** Runs an edge statement over the scope's memories, a page of ids at a time. */
    private void edges(String scope, String statement, Consumer<Map<String, Object>> each) {
        String after = "";
        while (true) {
            List<String> ids = store.query("transfer/memory_ids", Map.of("scope", scope, "after", after,
                    "limit", page)).stream().map(r -> (String) r.get("id")).toList();
            if (!ids.isEmpty()) {
                store.query(statement, Map.of("ids", ids)).forEach(each);
            }
            if (ids.size() < page) {
                return;
            }
            after = ids.get(ids.size() - 1);
        }
    }

    private static List<String> sorted(Object names) {
        return ((List<?>) names).stream().map(String::valueOf).sorted().toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> props(Object m) {
        return new LinkedHashMap<>((Map<String, Object>) m);
    }
}
