package io.mnemograph.transfer;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The NDJSON format of export and import: line types and the conversion of stored values to JSON and back. */
final class Lines {

    static final String FORMAT = "mnemograph-export";
    static final int VERSION = 1;

    static final String HEADER = "header";
    static final String SCOPE = "scope";
    static final String SESSION = "session";
    static final String SESSION_NEXT = "sessionNext";
    static final String KEYWORD = "keyword";
    static final String TAG = "tag";
    static final String MEMORY = "memory";
    static final String REVISION = "revision";
    static final String LINK = "link";
    static final String SUPERSEDES = "supersedes";
    static final String NEXT = "next";
    static final String END = "end";

    static final List<String> TYPES = List.of(HEADER, SCOPE, SESSION, SESSION_NEXT, KEYWORD, TAG, MEMORY, REVISION,
            LINK, SUPERSEDES, NEXT, END);

    /** Properties stored as Neo4j datetimes: ISO-8601 text in a line. */
    static final Set<String> TIMES = Set.of("occurredAt", "recordedAt", "validFrom", "validTo", "lastRecalledAt",
            "startedAt", "endedAt", "at", "createdAt", "touchedAt");

    /**
     * Memory properties derived from others on import, so a line never has to carry (or can contradict) them. The time
     * spans a memory mentions are read again from its content and occurredAt.
     */
    static final Set<String> DERIVED = Set.of("scopeKey", "keywordText", "scopedExternalId", "metadataKeys",
            "metadataValues", "embedding", "mentionTexts", "mentionFroms", "mentionTos");

    private Lines() {
    }

    /** A line of {@code type} with these properties, keys sorted so that equal graphs give equal lines. */
    static JsonObject line(String type, Map<String, Object> props) {
        JsonObject o = new JsonObject().put("type", type);
        new TreeMap<>(props).forEach((k, v) -> {
            if (v != null) {
                o.put(k, json(v));
            }
        });
        return o;
    }

    static Object json(Object v) {
        if (v instanceof ZonedDateTime z) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(z.withZoneSameInstant(ZoneOffset.UTC));
        }
        if (v instanceof float[] f) {
            JsonArray a = new JsonArray(new ArrayList<>(f.length));
            for (float x : f) {
                a.add(x);
            }
            return a;
        }
        if (v instanceof List<?> l) {
            JsonArray a = new JsonArray();
            l.forEach(x -> a.add(json(x)));
            return a;
        }
        if (v instanceof Map<?, ?> m) {
            JsonObject o = new JsonObject();
            m.forEach((k, x) -> o.put(String.valueOf(k), json(x)));
            return o;
        }
        return v;
    }

    static ZonedDateTime time(String field, Object v) {
        if (!(v instanceof String s)) {
            throw new BadLine(field + " must be an ISO-8601 date-time text");
        }
        try {
            return OffsetDateTime.parse(s).atZoneSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new BadLine(field + " is not an ISO-8601 date-time with an offset: '" + abbreviate(s) + "'");
        }
    }

    /**
     * A property value as the store takes it: times parsed, integers as longs, lists of one simple kind. Objects
     * (other than a memory's metadata, handled by the caller) cannot be stored on a node.
     */
    static Object stored(String field, Object v) {
        if (v == null) {
            return null;
        }
        if (TIMES.contains(field)) {
            return time(field, v);
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean) {
            return v;
        }
        if (v instanceof JsonArray a) {
            return list(field, a.getList());
        }
        if (v instanceof List<?> l) {
            return list(field, l);
        }
        throw new BadLine(field + " must be a text, number, boolean or list of them");
    }

    private static List<Object> list(String field, List<?> l) {
        List<Object> out = new ArrayList<>(l.size());
        Class<?> kind = null;
        for (Object x : l) {
            Object s = x instanceof Integer i ? Long.valueOf(i) : x instanceof Float f ? Double.valueOf(f) : x;
            if (!(s instanceof String || s instanceof Long || s instanceof Double || s instanceof Boolean)) {
                throw new BadLine(field + " must be a list of texts, numbers or booleans");
            }
            Class<?> k = s instanceof Long || s instanceof Double ? Number.class : s.getClass();
            if (kind != null && kind != k) {
                throw new BadLine(field + " mixes kinds of values");
            }
            kind = k;
            out.add(s);
        }
        if (kind == Number.class) {
            // a list of numbers with a fraction anywhere is stored as floats throughout
            boolean anyDouble = out.stream().anyMatch(x -> x instanceof Double);
            if (anyDouble) {
                out.replaceAll(x -> ((Number) x).doubleValue());
            }
        }
        return out;
    }

    static float[] vector(String field, Object v, int dimension) {
        if (!(v instanceof JsonArray a)) {
            throw new BadLine(field + " must be a list of numbers");
        }
        if (a.size() != dimension) {
            throw new BadLine(field + " has " + a.size() + " dimensions; this server's model has " + dimension);
        }
        float[] f = new float[a.size()];
        for (int i = 0; i < f.length; i++) {
            if (!(a.getValue(i) instanceof Number n)) {
                throw new BadLine(field + " must be a list of numbers");
            }
            f[i] = n.floatValue();
        }
        return f;
    }

    static String text(JsonObject o, String field) {
        Object v = o.getValue(field);
        if (!(v instanceof String s) || s.isEmpty()) {
            throw new BadLine("'" + field + "' (a non-empty text) is missing");
        }
        return s;
    }

    static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
