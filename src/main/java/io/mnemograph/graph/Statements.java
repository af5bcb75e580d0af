package io.mnemograph.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/** Loads the Cypher statements kept as files under {@code cypher/queries/} on the classpath, once each. */
public final class Statements {

    private static final ConcurrentHashMap<String, String> CACHE = new ConcurrentHashMap<>();

    private Statements() {
    }

    /** The text of statement {@code name} (for instance {@code memory/insert}). */
    public static String get(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            String text = resource("cypher/queries/" + n + ".cypher");
            if (text == null) {
                throw new IllegalArgumentException("no Cypher statement named " + n);
            }
            return text;
        });
    }

    static String resource(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
