package io.mnemograph.graph;

import java.lang.reflect.Array;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what either adapter reads into the plain values the port promises: arrays become lists (except a vector of
 * floats, which stays a float[] in embedded mode; the driver hands lists), dates ZonedDateTime.
 */
public final class Values {

    private Values() {
    }

    public static Object plain(Object v) {
        if (v == null || v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof OffsetDateTime o) {
            return o.toZonedDateTime();
        }
        if (v instanceof ZonedDateTime) {
            return v;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), plain(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object x : l) {
                out.add(plain(x));
            }
            return out;
        }
        if (v instanceof float[] f) {
            // a vector (embedding, centroid) stays as it is: hundreds of numbers, read by the hundred thousand when
            // embedded mode loads a scope's vectors; boxing each number was most of that time. Read it with floats().
            return f;
        }
        if (v.getClass().isArray()) {
            int n = Array.getLength(v);
            List<Object> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(plain(Array.get(v, i)));
            }
            return out;
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> row(Map<String, ?> m) {
        return (Map<String, Object>) plain(m);
    }

    /** A stored vector as floats, whatever numeric array type the store handed back. */
    public static float[] floats(Object value) {
        if (value instanceof float[] f) {
            return f;
        }
        if (value instanceof double[] d) {
            float[] f = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                f[i] = (float) d[i];
            }
            return f;
        }
        if (value instanceof List<?> list) {
            float[] f = new float[list.size()];
            for (int i = 0; i < f.length; i++) {
                f[i] = ((Number) list.get(i)).floatValue();
            }
            return f;
        }
        throw new IllegalStateException("not a vector: " + (value == null ? "null" : value.getClass()));
    }
}
