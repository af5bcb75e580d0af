package io.mnemograph.transfer;

import io.mnemograph.config.TransferConfig;
import io.mnemograph.embedding.Embedder;
import io.mnemograph.graph.GraphStore;
import io.mnemograph.graph.MemoryVectors;
import io.mnemograph.memory.InvalidInputException;
import io.mnemograph.memory.MemoryRows;
import io.mnemograph.memory.MemoryRules;
import io.mnemograph.memory.TimeExpressions;
import io.mnemograph.remember.RememberService;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads an export stream (docs/export.md) into the store, idempotently: every node is found by its id (memories,
 * revisions) or key (sessions, keywords, tags) and created only when absent; a present one is left as it is, edges
 * likewise. The stream is read twice: first whole, to refuse a malformed line or a scope the caller may not write
 * before anything is written; then in batches of one line type, one transaction each, under the scope locks the
 * write path takes. Memories keep their status; those without a vector are embedded here.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    /** How an import went: lines read and, per line type, how many were created and how many were already there. */
    public record Summary(long lines, Map<String, long[]> counts) {
        public JsonObject json() {
            JsonObject types = new JsonObject();
            counts.forEach((t, c) -> types.put(t, new JsonObject().put("created", c[0]).put("present", c[1])));
            return new JsonObject().put("lines", lines).put("imported", types);
        }
    }

    /** The stream holds a scope the caller may not write in: nothing was written. */
    public static final class Refused extends RuntimeException {
        private final String scope;

        Refused(String scope) {
            super("may not write in scope " + scope, null, false, false);
            this.scope = scope;
        }

        public String scope() {
            return scope;
        }
    }

    private record Line(long number, String type, JsonObject json) {
    }

    private final GraphStore store;
    private final Embedder embedder;
    private final MemoryVectors vectors;
    private final InstantSource clock;
    private final int batch;

    ImportService(GraphStore store, Embedder embedder, MemoryVectors vectors, InstantSource clock,
                  TransferConfig config) {
        this.store = store;
        this.embedder = embedder;
        this.vectors = vectors;
        this.clock = clock;
        this.batch = config.batchSize();
    }

    /**
     * Imports the stream in {@code file}.
     *
     * @param mayWrite whether the caller may write in a scope; asked for every scope of the stream before writing
     * @throws BadLine a malformed line (nothing written) or one that contradicts the store (its batch not written)
     * @throws Refused a scope the caller may not write in (nothing written)
     */
    public Summary importFile(Path file, Predicate<String> mayWrite) throws IOException {
        Set<String> scopes = new TreeSet<>();
        long lines = read(file, line -> scopes.add(convert(line).scope()));
        for (String scope : scopes) {
            if (!mayWrite.test(scope)) {
                throw new Refused(scope);
            }
        }
        Map<String, long[]> counts = new LinkedHashMap<>();
        List<Row> pending = new ArrayList<>();
        read(file, line -> {
            Row row = convert(line);
            if (!pending.isEmpty() && (!pending.get(0).type().equals(row.type()) || pending.size() >= batch)) {
                flush(pending, counts);
            }
            pending.add(row);
        });
        flush(pending, counts);
        LOG.infof("import: done, %d lines over %d scope(s)", lines, scopes.size());
        return new Summary(lines, counts);
    }

    private interface LineHandler {
        void accept(Line line);
    }

    /** Hands every line after the header to {@code each}; a BadLine it throws is given the line number. */
    private long read(Path file, LineHandler each) throws IOException {
        long number = 0;
        long counted = 0;
        boolean header = false;
        boolean ended = false;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            while ((text = in.readLine()) != null) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                counted++;
                try {
                    if (ended) {
                        throw new BadLine("a line after the end line");
                    }
                    JsonObject json;
                    try {
                        json = new JsonObject(text);
                    } catch (DecodeException | ClassCastException e) {
                        throw new BadLine("not a JSON object");
                    }
                    Object type = json.getValue("type");
                    if (!(type instanceof String t) || !Lines.TYPES.contains(t)) {
                        throw new BadLine("unknown line type " + (type == null ? "(none)" : "'" + type + "'")
                                + "; expected one of " + Lines.TYPES);
                    }
                    if (!header) {
                        checkHeader(json);
                        header = true;
                    } else if (t.equals(Lines.HEADER)) {
                        throw new BadLine("a second header");
                    } else if (t.equals(Lines.END)) {
                        Object n = json.getValue("lines");
                        if (n instanceof Number c && c.longValue() != counted) {
                            throw new BadLine("the end line counts " + c + " lines, the stream has " + counted
                                    + ": it was cut or edited");
                        }
                        ended = true;
                    } else {
                        each.accept(new Line(number, t, json));
                    }
                } catch (BadLine e) {
                    throw e.getMessage().startsWith("line ") ? e : e.at(number);
                } catch (InvalidInputException e) {
                    throw new BadLine(e.getMessage()).at(number);
                }
            }
        }
        if (!header) {
            throw new BadLine("the stream is empty: a header line is expected first");
        }
        return counted;
    }

    private static void checkHeader(JsonObject json) {
        if (!Lines.HEADER.equals(json.getValue("type")) || !Lines.FORMAT.equals(json.getValue("format"))) {
            throw new BadLine("the first line must be the header {\"type\":\"header\",\"format\":\"" + Lines.FORMAT
                    + "\",\"version\":" + Lines.VERSION + ",…}");
        }
        Object v = json.getValue("version");
        if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < 1) {
            throw new BadLine("the header's version must be a whole number");
        }
        if (((Number) v).longValue() > Lines.VERSION) {
            throw new BadLine("format version " + v + " is newer than this server reads (" + Lines.VERSION + ")");
        }
    }

    // ---- lines to rows ----

    /** One line as it will be written. key: the node's id or key, or the edge's ends. */
    private record Row(long line, String type, String scope, String key, Map<String, Object> props,
                       String from, String to, float[] vector, List<Object> hasKeyword, List<Object> tagged) {
    }

    private Row convert(Line line) {
        JsonObject j = line.json();
        String scope = MemoryRules.scope(Lines.text(j, "scope"));
        return switch (line.type()) {
            case Lines.SCOPE -> {
                Map<String, Object> p = new HashMap<>();
                p.put("createdAt", j.getValue("createdAt") == null ? null : Lines.time("createdAt", j.getValue("createdAt")));
                yield row(line, scope, scope, p);
            }
            case Lines.SESSION -> {
                Map<String, Object> p = props(j, Set.of());
                String id = Lines.text(j, "id");
                p.put("key", scope + "|" + id);
                yield row(line, scope, scope + "|" + id, p);
            }
            case Lines.KEYWORD, Lines.TAG -> {
                Map<String, Object> p = props(j, Set.of("centroid"));
                String name = Lines.text(j, "name");
                p.put("key", scope + "|" + name);
                float[] centroid = j.getValue("centroid") == null ? null
                        : Lines.vector("centroid", j.getValue("centroid"), embedder.dimension());
                yield new Row(line.number(), line.type(), scope, scope + "|" + name, p, null, null, centroid,
                        null, null);
            }
            case Lines.MEMORY -> memory(line, scope);
            case Lines.REVISION -> {
                Map<String, Object> p = props(j, Set.of());
                Lines.text(j, "memoryId");
                yield row(line, scope, Lines.text(j, "id"), p);
            }
            case Lines.LINK, Lines.SUPERSEDES, Lines.NEXT, Lines.SESSION_NEXT -> {
                Map<String, Object> p = props(j, Set.of("from", "to", "scope"));
                String from = Lines.text(j, "from");
                String to = Lines.text(j, "to");
                if (line.type().equals(Lines.SESSION_NEXT)) {
                    from = scope + "|" + from;
                    to = scope + "|" + to;
                }
                yield new Row(line.number(), line.type(), scope, from + "->" + to, p, from, to, null, null, null);
            }
            default -> throw new BadLine("unexpected line type " + line.type());
        };
    }

    private static Row row(Line line, String scope, String key, Map<String, Object> props) {
        return new Row(line.number(), line.type(), scope, key, props, null, null, null, null, null);
    }

    /** Every property of a line but its type and those named, as the store takes them. */
    private static Map<String, Object> props(JsonObject j, Set<String> except) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (String k : j.fieldNames()) {
            if (!k.equals("type") && !except.contains(k)) {
                Object v = Lines.stored(k, j.getValue(k));
                if (v != null) {
                    p.put(k, v);
                }
            }
        }
        return p;
    }

    private Row memory(Line line, String scope) {
        JsonObject j = line.json();
        String id = Lines.text(j, "id");
        Lines.text(j, "content");
        Set<String> except = new LinkedHashSet<>(Lines.DERIVED);
        except.addAll(List.of("metadata", "hasKeyword", "tagged"));
        Map<String, Object> p = props(j, except);
        List<Object> keywords = strings(p, "keywords");
        strings(p, "tags");
        ZonedDateTime now = clock.instant().atZone(ZoneOffset.UTC);
        p.putIfAbsent("recordedAt", now);
        p.putIfAbsent("occurredAt", p.get("recordedAt"));
        p.putIfAbsent("validFrom", p.get("occurredAt"));
        p.putAll(MemoryRows.mentionProperties(TimeExpressions.mentions((String) p.get("content"),
                ((ZonedDateTime) p.get("occurredAt")).toInstant())));
        p.putIfAbsent("status", "READY");
        p.putIfAbsent("strength", 1.0);
        p.putIfAbsent("recallCount", 0L);
        if (p.containsKey("seq") && !(p.get("seq") instanceof Long)) {
            throw new BadLine("seq must be a whole number");
        }
        p.put("scopeKey", RememberService.scopeKey(scope));
        p.put("keywordText", String.join(" ", keywords.stream().map(String::valueOf).toList()));
        Object ext = p.get("externalId");
        if (ext != null && !(ext instanceof String)) {
            throw new BadLine("externalId must be a text");
        }
        if (ext != null) {
            p.put("scopedExternalId", scope + "|" + ext);
        }
        List<String> metaKeys = new ArrayList<>();
        List<String> metaValues = new ArrayList<>();
        Object meta = j.getValue("metadata");
        if (meta instanceof JsonObject m) {
            for (String k : m.fieldNames()) {
                if (!(m.getValue(k) instanceof String) && m.getValue(k) != null) {
                    throw new BadLine("metadata values must be texts");
                }
                metaKeys.add(k);
                metaValues.add(m.getValue(k) == null ? "" : (String) m.getValue(k));
            }
        } else if (meta != null) {
            throw new BadLine("metadata must be an object of texts");
        }
        p.put("metadataKeys", metaKeys);
        p.put("metadataValues", metaValues);
        float[] vector = j.getValue("embedding") == null ? null
                : Lines.vector("embedding", j.getValue("embedding"), embedder.dimension());
        List<Object> hasKeyword = j.getValue("hasKeyword") == null ? keywords : names(j, "hasKeyword");
        List<Object> tagged = j.getValue("tagged") == null ? strings(p, "tags") : names(j, "tagged");
        return new Row(line.number(), Lines.MEMORY, scope, id, p, null, null, vector, hasKeyword, tagged);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> strings(Map<String, Object> p, String field) {
        Object v = p.computeIfAbsent(field, k -> new ArrayList<>());
        if (!(v instanceof List<?> l) || l.stream().anyMatch(x -> !(x instanceof String))) {
            throw new BadLine(field + " must be a list of texts");
        }
        return (List<Object>) v;
    }

    private static List<Object> names(JsonObject j, String field) {
        Object v = Lines.stored(field, j.getValue(field));
        if (!(v instanceof List<?> l) || l.stream().anyMatch(x -> !(x instanceof String))) {
            throw new BadLine(field + " must be a list of texts");
        }
        return new ArrayList<>(l);
    }

    // ---- writing ----

    private void flush(List<Row> rows, Map<String, long[]> counts) {
        if (rows.isEmpty()) {
            return;
        }
        String type = rows.get(0).type();
        // a key twice in one batch is written once (the first); it counts as present the second time
        Map<String, Row> unique = new LinkedHashMap<>();
        rows.forEach(r -> unique.putIfAbsent(r.key(), r));
        List<Row> batchRows = new ArrayList<>(unique.values());
        long created = type.equals(Lines.MEMORY) ? memories(batchRows) : store.write(tx -> {
            // locking creates a scope: whether a scope line is new is known only before
            long newScopes = type.equals(Lines.SCOPE) ? newScopes(tx, batchRows) : 0;
            lockScopes(tx, batchRows);
            long written = write(tx, type, batchRows);
            return type.equals(Lines.SCOPE) ? newScopes : written;
        });
        long[] c = counts.computeIfAbsent(type, t -> new long[2]);
        c[0] += created;
        c[1] += rows.size() - created;
        LOG.infof("import: up to line %d, %d %s line(s): %d created, %d already present", rows.get(rows.size() - 1)
                .line(), rows.size(), type, created, rows.size() - created);
        rows.clear();
    }

    private void lockScopes(GraphStore.Tx tx, List<Row> rows) {
        ZonedDateTime now = clock.instant().atZone(ZoneOffset.UTC);
        for (String scope : new TreeSet<>(rows.stream().map(Row::scope).toList())) {
            tx.run("memory/lock_scope", Map.of("scope", scope, "now", now));
        }
    }

    private long write(GraphStore.Tx tx, String type, List<Row> rows) {
        return switch (type) {
            case Lines.SCOPE -> {
                for (Row r : rows) {
                    Map<String, Object> p = new HashMap<>();
                    p.put("scope", r.scope());
                    p.put("createdAt", r.props().get("createdAt"));
                    tx.run("transfer/scope_created", p);
                }
                yield 0;
            }
            case Lines.SESSION -> tx.run("transfer/create_sessions", Map.of("rows", propsOf(rows))).size();
            case Lines.KEYWORD -> tx.run("transfer/create_keywords", Map.of("rows", propsOf(rows))).size();
            case Lines.TAG -> {
                Set<String> made = new LinkedHashSet<>();
                tx.run("transfer/create_tags", Map.of("rows", propsOf(rows))).forEach(r -> made.add((String) r.get("key")));
                List<Map<String, Object>> centroids = rows.stream().filter(r -> made.contains(r.key())
                        && r.vector() != null).map(r -> Map.<String, Object>of("key", r.key(), "centroid", r.vector()))
                        .toList();
                if (!centroids.isEmpty()) {
                    tx.run("transfer/set_centroids", Map.of("rows", centroids));
                }
                yield made.size();
            }
            case Lines.REVISION -> {
                checkMemories(tx, rows, r -> List.of((String) r.props().get("memoryId")));
                yield count(tx.run("transfer/create_revisions", Map.of("rows", propsOf(rows))));
            }
            case Lines.LINK, Lines.SUPERSEDES, Lines.NEXT -> {
                checkMemories(tx, rows, r -> List.of(r.from(), r.to()));
                String statement = switch (type) {
                    case Lines.LINK -> "transfer/create_links";
                    case Lines.SUPERSEDES -> "transfer/create_supersedes";
                    default -> "transfer/create_next";
                };
                yield count(tx.run(statement, Map.of("rows", edges(rows))));
            }
            case Lines.SESSION_NEXT -> {
                Set<String> keys = new LinkedHashSet<>();
                rows.forEach(r -> {
                    keys.add(r.from());
                    keys.add(r.to());
                });
                Set<String> found = new HashSet<>();
                tx.run("transfer/session_keys", Map.of("keys", new ArrayList<>(keys)))
                        .forEach(r -> found.add((String) r.get("key")));
                for (Row r : rows) {
                    for (String k : List.of(r.from(), r.to())) {
                        if (!found.contains(k)) {
                            throw new BadLine("session '" + k.substring(r.scope().length() + 1)
                                    + "' is neither stored nor earlier in the stream").at(r.line());
                        }
                    }
                }
                yield count(tx.run("transfer/create_session_next", Map.of("rows", edges(rows))));
            }
            default -> throw new IllegalStateException("no writer for " + type);
        };
    }

    private static long newScopes(GraphStore.Tx tx, List<Row> rows) {
        long made = 0;
        for (Row r : rows) {
            if (!Boolean.TRUE.equals(tx.run("transfer/scope_exists", Map.of("scope", r.scope())).get(0).get("present"))) {
                made++;
            }
        }
        return made;
    }

    private static long count(List<Map<String, Object>> result) {
        return result.isEmpty() ? 0 : ((Number) result.get(0).get("created")).longValue();
    }

    private static List<Map<String, Object>> propsOf(List<Row> rows) {
        return rows.stream().map(Row::props).toList();
    }

    private static List<Map<String, Object>> edges(List<Row> rows) {
        return rows.stream().map(r -> Map.<String, Object>of("from", r.from(), "to", r.to(), "props", r.props()))
                .toList();
    }

    /** Every memory a line names must be stored, in the line's own scope (a key writes only where it may). */
    private static void checkMemories(GraphStore.Tx tx, List<Row> rows,
                                      Function<Row, List<String>> ids) {
        Set<String> all = new LinkedHashSet<>();
        rows.forEach(r -> all.addAll(ids.apply(r)));
        Map<String, String> scopes = new HashMap<>();
        tx.run("transfer/memory_scopes", Map.of("ids", new ArrayList<>(all)))
                .forEach(r -> scopes.put((String) r.get("id"), (String) r.get("scope")));
        for (Row r : rows) {
            for (String id : ids.apply(r)) {
                String scope = scopes.get(id);
                if (scope == null) {
                    throw new BadLine("memory " + id + " is neither stored nor earlier in the stream").at(r.line());
                }
                if (!scope.equals(r.scope())) {
                    throw new BadLine("memory " + id + " is not in scope " + r.scope(), true).at(r.line());
                }
            }
        }
    }

    private long memories(List<Row> rows) {
        Map<String, String> stored = storedScopes(rows);
        List<Row> toEmbed = rows.stream().filter(r -> !stored.containsKey(r.key()) && r.vector() == null).toList();
        Map<String, float[]> embedded = new HashMap<>();
        List<float[]> made = embedder.embedAll(toEmbed.stream().map(r -> (String) r.props().get("content")).toList());
        for (int i = 0; i < toEmbed.size(); i++) {
            embedded.put(toEmbed.get(i).key(), made.get(i));
        }
        Map<String, List<Row>> createdByScope = new LinkedHashMap<>();
        Map<String, float[]> vectorOf = new HashMap<>();
        Map<String, Long> seqOf = new HashMap<>();
        store.write(tx -> {
            createdByScope.clear();
            vectorOf.clear();
            seqOf.clear();
            lockScopes(tx, rows);
            Map<String, String> present = new HashMap<>();
            tx.run("transfer/memory_scopes", Map.of("ids", rows.stream().map(Row::key).toList()))
                    .forEach(r -> present.put((String) r.get("id"), (String) r.get("scope")));
            List<Row> fresh = new ArrayList<>();
            for (Row r : rows) {
                String scope = present.get(r.key());
                if (scope != null && !scope.equals(r.scope())) {
                    throw new BadLine("memory " + r.key() + " is stored in another scope", true).at(r.line());
                }
                if (scope == null) {
                    fresh.add(r);
                }
            }
            checkExternalIds(tx, fresh);
            Map<String, List<Row>> byScope = new LinkedHashMap<>();
            fresh.forEach(r -> byScope.computeIfAbsent(r.scope(), s -> new ArrayList<>()).add(r));
            for (var e : byScope.entrySet()) {
                long seq = ((Number) tx.run("memory/lock_scope", Map.of("scope", e.getKey(),
                        "now", clock.instant().atZone(ZoneOffset.UTC))).get(0).get("seq")).longValue();
                long top = seq;
                List<Map<String, Object>> params = new ArrayList<>();
                for (Row r : e.getValue()) {
                    Map<String, Object> props = new LinkedHashMap<>(r.props());
                    // a memory without its number gets the next one, as if it had just arrived
                    long n = props.get("seq") instanceof Long s ? s : ++top;
                    props.put("seq", n);
                    seqOf.put(r.key(), n);
                    top = Math.max(top, n);
                    float[] v = r.vector() != null ? r.vector() : embedded.computeIfAbsent(r.key(),
                            k -> embedder.embed((String) r.props().get("content")));
                    vectorOf.put(r.key(), v);
                    Map<String, Object> p = new HashMap<>();
                    p.put("props", props);
                    p.put("embedding", v);
                    p.put("hasKeyword", r.hasKeyword());
                    p.put("tagged", r.tagged());
                    params.add(p);
                }
                tx.run("transfer/create_memories", Map.of("rows", params));
                tx.run("transfer/count_memories", Map.of("scope", e.getKey(), "created", (long) params.size(),
                        "seq", top));
                createdByScope.put(e.getKey(), e.getValue());
            }
            return null;
        });
        long created = 0;
        for (var e : createdByScope.entrySet()) {
            List<String> ids = e.getValue().stream().map(Row::key).toList();
            List<Long> seqs = new ArrayList<>();
            List<float[]> vs = new ArrayList<>();
            for (Row r : e.getValue()) {
                seqs.add(seqOf.get(r.key()));
                vs.add(vectorOf.get(r.key()));
            }
            vectors.added(e.getKey(), ids, seqs, vs);
            created += ids.size();
        }
        return created;
    }

    private Map<String, String> storedScopes(List<Row> rows) {
        Map<String, String> out = new HashMap<>();
        store.query("transfer/memory_scopes", Map.of("ids", rows.stream().map(Row::key).toList()))
                .forEach(r -> out.put((String) r.get("id"), (String) r.get("scope")));
        return out;
    }

    private static void checkExternalIds(GraphStore.Tx tx, List<Row> fresh) {
        Map<String, Row> byKey = new LinkedHashMap<>();
        for (Row r : fresh) {
            Object key = r.props().get("scopedExternalId");
            if (key != null) {
                Row other = byKey.putIfAbsent((String) key, r);
                if (other != null) {
                    throw new BadLine("externalId '" + r.props().get("externalId") + "' is also memory "
                            + other.key() + "'s", true).at(r.line());
                }
            }
        }
        if (byKey.isEmpty()) {
            return;
        }
        for (Map<String, Object> s : tx.run("memory/find_by_external_id", Map.of("keys", new ArrayList<>(byKey.keySet())))) {
            Row r = byKey.get((String) s.get("key"));
            throw new BadLine("externalId '" + r.props().get("externalId") + "' of scope " + r.scope()
                    + " is already memory " + s.get("id"), true).at(r.line());
        }
    }
}
