package io.mnemograph.memory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The rules an input must meet before anything is stored. Pure functions; limits come from configuration. */
public final class MemoryRules {

    public static final String DEFAULT_SCOPE = "default";
    private static final Pattern SCOPE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final int MAX_ID = 256;
    private static final int MAX_LABEL = 100;

    private final int maxContentBytes;
    private final int maxLabels;

    public MemoryRules(int maxContentBytes, int maxLabels) {
        this.maxContentBytes = maxContentBytes;
        this.maxLabels = maxLabels;
    }

    /** The scope to use: the default when none is given; an invalid name is refused. */
    public static String scope(String scope) {
        if (scope == null) {
            return DEFAULT_SCOPE;
        }
        if (!SCOPE.matcher(scope).matches()) {
            throw new InvalidInputException("scope '" + abbreviate(scope) + "' is not valid: use 1 to 128 of the "
                    + "characters A-Z a-z 0-9 . _ : -");
        }
        return scope;
    }

    /** Checks one input; {@code where} names it in messages (for instance "inputs[3]"). */
    public MemoryDraft draft(String where, String content, String scope, String sessionId, Instant occurredAt,
                             String externalId, List<String> keywords, List<String> tags,
                             Map<String, String> metadata) {
        String prefix = where == null ? "" : where + ": ";
        if (content == null || content.isBlank()) {
            throw new InvalidInputException(prefix + "content is empty: a memory needs some text");
        }
        int bytes = content.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxContentBytes) {
            throw new InvalidInputException(prefix + "content is " + bytes + " bytes, over the limit of "
                    + maxContentBytes + " bytes (mnemograph.limits.max-content-bytes)");
        }
        String s;
        try {
            s = scope(scope);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(prefix + e.getMessage());
        }
        checkId(prefix, "sessionId", sessionId);
        checkId(prefix, "externalId", externalId);
        return new MemoryDraft(content.strip(), s, blankToNull(sessionId), occurredAt, blankToNull(externalId),
                labels(prefix, "keywords", keywords), labels(prefix, "tags", tags), metadata(prefix, metadata));
    }

    /** Lower-cased, trimmed, de-duplicated labels (keywords or tags), in the caller's order. */
    public static List<String> normaliseLabels(List<String> labels) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (labels != null) {
            for (String l : labels) {
                if (l != null) {
                    String n = l.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                    if (!n.isEmpty()) {
                        out.add(n);
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }

    private List<String> labels(String prefix, String what, List<String> labels) {
        List<String> out = normaliseLabels(labels);
        if (out.size() > maxLabels) {
            throw new InvalidInputException(prefix + "too many " + what + ": " + out.size() + ", at most " + maxLabels);
        }
        for (String l : out) {
            if (l.length() > MAX_LABEL) {
                throw new InvalidInputException(prefix + what + " entry '" + abbreviate(l) + "' is longer than "
                        + MAX_LABEL + " characters");
            }
        }
        return out;
    }

    private Map<String, String> metadata(String prefix, Map<String, String> metadata) {
        Map<String, String> out = new LinkedHashMap<>();
        if (metadata == null) {
            return out;
        }
        for (var e : metadata.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new InvalidInputException(prefix + "a metadata entry has an empty key");
            }
            if (e.getKey().length() > MAX_LABEL || (e.getValue() != null && e.getValue().length() > 4096)) {
                throw new InvalidInputException(prefix + "metadata entry '" + abbreviate(e.getKey())
                        + "' is too long (keys up to " + MAX_LABEL + ", values up to 4096 characters)");
            }
            out.put(e.getKey(), e.getValue());
        }
        if (out.size() > maxLabels) {
            throw new InvalidInputException(prefix + "too many metadata entries: " + out.size() + ", at most " + maxLabels);
        }
        return out;
    }

    private static void checkId(String prefix, String what, String value) {
        if (value != null && value.length() > MAX_ID) {
            throw new InvalidInputException(prefix + what + " is longer than " + MAX_ID + " characters");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
