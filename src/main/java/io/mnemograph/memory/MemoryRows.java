package io.mnemograph.memory;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the maps that Cypher returns (see cypher/queries/memory/get.cypher) into memories. */
public final class MemoryRows {

    private MemoryRows() {
    }

    @SuppressWarnings("unchecked")
    public static Memory memory(Map<String, Object> m) {
        Map<String, String> metadata = new LinkedHashMap<>();
        List<String> keys = strings(m.get("metadataKeys"));
        List<String> values = strings(m.get("metadataValues"));
        for (int i = 0; i < keys.size() && i < values.size(); i++) {
            metadata.put(keys.get(i), values.get(i));
        }
        Object status = m.get("status");
        return new Memory(
                (String) m.get("id"), (String) m.get("scope"), (String) m.get("content"), (String) m.get("context"),
                strings(m.get("keywords")), strings(m.get("tags")), (String) m.get("sessionId"),
                (String) m.get("externalId"), instant(m.get("occurredAt")), instant(m.get("recordedAt")),
                instant(m.get("validFrom")), instant(m.get("validTo")), metadata,
                status == null ? MemoryStatus.READY : MemoryStatus.valueOf((String) status),
                m.get("strength") instanceof Number n ? n.doubleValue() : 1.0,
                m.get("recallCount") instanceof Number n ? n.longValue() : 0L, instant(m.get("lastRecalledAt")),
                (String) m.get("supersededBy"), strings(m.get("supersedes")), mentions(m));
    }

    /** The time spans stored as three parallel lists (mentionTexts, mentionFroms, mentionTos); none when absent. */
    public static List<TimeSpan> mentions(Map<String, Object> m) {
        List<String> texts = strings(m.get("mentionTexts"));
        List<?> froms = m.get("mentionFroms") instanceof List<?> l ? l : List.of();
        List<?> tos = m.get("mentionTos") instanceof List<?> l ? l : List.of();
        List<TimeSpan> out = new ArrayList<>();
        for (int i = 0; i < texts.size() && i < froms.size() && i < tos.size(); i++) {
            out.add(new TimeSpan(texts.get(i), instant(froms.get(i)), instant(tos.get(i))));
        }
        return out;
    }

    /** The three parallel lists a memory's time spans are stored as, under their property names. */
    public static Map<String, Object> mentionProperties(List<TimeSpan> spans) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("mentionTexts", spans.stream().map(TimeSpan::text).toList());
        p.put("mentionFroms", spans.stream().map(s -> s.from().atZone(ZoneOffset.UTC)).toList());
        p.put("mentionTos", spans.stream().map(s -> s.to().atZone(ZoneOffset.UTC)).toList());
        return p;
    }

    @SuppressWarnings("unchecked")
    public static List<String> strings(Object o) {
        return o == null ? List.of() : (List<String>) o;
    }

    public static Instant instant(Object o) {
        return o == null ? null : ((ZonedDateTime) o).toInstant();
    }
}
