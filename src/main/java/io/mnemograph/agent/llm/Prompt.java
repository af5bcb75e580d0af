package io.mnemograph.agent.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A versioned prompt, {@code prompts/<task>.v<N>.txt} on the classpath, with {@code {{name}}} placeholders. A prompt is
 * never edited once released: a change is a new version.
 */
public final class Prompt {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z]+)}}");

    private final String id;
    private final String template;

    private Prompt(String id, String template) {
        this.id = id;
        this.template = template;
    }

    /** Loads {@code prompts/<task>.v<version>.txt}; fails when it is missing. */
    public static Prompt load(String task, int version) {
        String id = task + ".v" + version;
        String path = "prompts/" + id + ".txt";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("prompt " + path + " is not on the classpath");
            }
            return new Prompt(id, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The prompt's name and version, e.g. {@code note_construction.v1}. */
    public String id() {
        return id;
    }

    /** Fills every placeholder; one without a value fails, so a prompt never goes out half-filled. */
    public String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) {
                throw new IllegalArgumentException("prompt " + id + " needs a value for " + m.group(1));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
