package io.mnemograph.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A LoCoMo-format file read the way ../shared/checks/locomo_retrieval_eval.py and locomo_graphql.py read it: the same
 * turn text, session dates and evidence normalisation, so the figures agree with the outside check.
 */
final class Locomo {

    static final Map<Integer, String> CATEGORIES = Map.of(1, "multi-hop", 2, "temporal", 3, "open-domain",
            4, "single-hop");
    private static final Pattern SESSION_KEY = Pattern.compile("^session_(\\d+)$");
    private static final Pattern EVIDENCE = Pattern.compile("D\\s*:?\\s*(\\d+)\\s*:\\s*(\\d+)");
    private static final Pattern DATE = Pattern.compile(
            "\\s*(\\d{1,2}):(\\d{2})\\s*([ap]m)\\s+on\\s+(\\d{1,2})\\s+(\\w+),?\\s+(\\d{4}).*", Pattern.CASE_INSENSITIVE);
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");

    record Turn(String diaId, String speaker, String content) {
    }

    record Session(int number, Instant occurredAt, List<Turn> turns) {
    }

    /** A question of the file; {@code scored}: of categories 1-4 and with evidence that names turns. */
    record Question(String sampleId, int qaIndex, int category, String question, List<String> gold, boolean scored) {
    }

    record Conversation(String sampleId, List<Session> sessions, List<Question> questions) {
    }

    static List<Conversation> read(Path file) throws IOException {
        JsonArray samples = new JsonArray(Files.readString(file));
        List<Conversation> out = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            out.add(conversation(samples.getJsonObject(i)));
        }
        return out;
    }

    private static Conversation conversation(JsonObject sample) {
        String id = sample.getString("sample_id");
        JsonObject conv = sample.getJsonObject("conversation");
        TreeMap<Integer, String> keys = new TreeMap<>();
        for (String k : conv.fieldNames()) {
            Matcher m = SESSION_KEY.matcher(k);
            if (m.matches()) {
                keys.put(Integer.parseInt(m.group(1)), k);
            }
        }
        List<Session> sessions = new ArrayList<>();
        Set<String> valid = new LinkedHashSet<>();
        for (var e : keys.entrySet()) {
            List<Turn> turns = new ArrayList<>();
            JsonArray raw = conv.getJsonArray(e.getValue());
            for (int j = 0; j < raw.size(); j++) {
                JsonObject t = raw.getJsonObject(j);
                String text = t.getString("speaker") + ": " + t.getString("text");
                String caption = t.getString("blip_caption");
                if (caption != null && !caption.isEmpty()) {
                    text += " [shares an image: " + caption + "]";
                }
                turns.add(new Turn(t.getString("dia_id"), t.getString("speaker"), text));
                valid.add(t.getString("dia_id"));
            }
            sessions.add(new Session(e.getKey(), date(conv.getString("session_" + e.getKey() + "_date_time", "")),
                    turns));
        }
        List<Question> questions = new ArrayList<>();
        JsonArray qa = sample.getJsonArray("qa");
        for (int i = 0; i < qa.size(); i++) {
            JsonObject q = qa.getJsonObject(i);
            int category = Integer.parseInt(String.valueOf(q.getValue("category")));
            List<String> gold = evidence(q.getJsonArray("evidence", new JsonArray()), valid);
            // Unscored ones are kept: the outside check asks every question, and each recall reinforces what it
            // returns, which the later questions see.
            questions.add(new Question(id, i, category, q.getString("question"), gold, category != 5 && !gold.isEmpty()));
        }
        return new Conversation(id, sessions, questions);
    }

    /** Repairs "D30:05", "D:11:26", "D8:6; D9:17" and drops ids naming no turn, as the outside check does. */
    static List<String> evidence(JsonArray raw, Set<String> valid) {
        List<String> out = new ArrayList<>();
        for (Object item : raw) {
            Matcher m = EVIDENCE.matcher(String.valueOf(item));
            while (m.find()) {
                String id = "D" + Integer.parseInt(m.group(1)) + ":" + Integer.parseInt(m.group(2));
                if (valid.contains(id) && !out.contains(id)) {
                    out.add(id);
                }
            }
        }
        return out;
    }

    /** "1:56 pm on 8 May, 2023" as UTC; null when the text has no such date. */
    static Instant date(String text) {
        Matcher m = DATE.matcher(text);
        if (!m.matches()) {
            return null;
        }
        int h = Integer.parseInt(m.group(1)) % 12 + (m.group(3).equalsIgnoreCase("pm") ? 12 : 0);
        int month = MONTHS.indexOf(m.group(5).substring(0, 3).toLowerCase(Locale.ROOT)) + 1;
        return LocalDateTime.of(Integer.parseInt(m.group(6)), month, Integer.parseInt(m.group(4)), h,
                Integer.parseInt(m.group(2))).toInstant(ZoneOffset.UTC);
    }
}
