package io.mnemograph.remember;

import io.mnemograph.agent.Decisions;
import io.mnemograph.graph.GraphStore;
import io.mnemograph.memory.LabelLists;
import io.mnemograph.memory.MemoryRules;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Changes to memories that already existed: each one is written together with its (:Revision). */
final class Revisions {

    private Revisions() {
    }

    /**
     * The revision one evolution makes of a memory whose context and tags are now {@code context} and {@code tags},
     * or null when it would change nothing. Write it with {@link #writeAll}.
     */
    static Map<String, Object> plan(String id, String context, List<String> tags, Decisions.Evolution e, String agent,
                                    Instant at, String cause) {
        switch (e.field()) {
            case "context" -> {
                String after = e.context() == null ? null : Evolver.clip(e.context().strip(), Evolver.MAX_CONTEXT);
                if (after == null || after.isEmpty() || Objects.equals(after, context)) {
                    return null;
                }
                return row(id, "context", context, after, after, null, agent, e.reason(), at, cause);
            }
            case "tags" -> {
                List<String> after = MemoryRules.normaliseLabels(e.tags());
                if (e.tags() == null || after.equals(tags) || after.size() > Evolver.MAX_NOTE_LABELS) {
                    return null;
                }
                return row(id, "tags", LabelLists.toJson(tags), LabelLists.toJson(after), null, after, agent,
                        e.reason(), at, cause);
            }
            default -> {
                return null;
            }
        }
    }

    /** Writes planned revisions in order (a memory revised twice ends with the last value). */
    static void writeAll(GraphStore.Tx tx, List<Map<String, Object>> revisions) {
        if (revisions.isEmpty()) {
            return;
        }
        tx.run("agent/revise", Map.of("revisions", revisions));
        LinkedHashSet<Object> retagged = new LinkedHashSet<>();
        for (Map<String, Object> r : revisions) {
            if ("tags".equals(r.get("field"))) {
                retagged.add(r.get("id"));
            }
        }
        if (!retagged.isEmpty()) {
            tx.run("agent/retag", Map.of("ids", List.copyOf(retagged)));
        }
    }

    /** Sets {@code field} of memory {@code id} and records before/after; returns the revision's id. */
    static String revise(GraphStore.Tx tx, String id, String field, String before, String after, String value,
                         List<String> list, String agent, String reason, Instant at, String cause) {
        Map<String, Object> r = row(id, field, before, after, value, list, agent, reason, at, cause);
        writeAll(tx, List.of(r));
        return (String) r.get("revisionId");
    }

    private static Map<String, Object> row(String id, String field, String before, String after, String value,
                                           List<String> list, String agent, String reason, Instant at, String cause) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("revisionId", UUID.randomUUID().toString());
        p.put("at", at.atZone(ZoneOffset.UTC));
        p.put("agent", agent);
        p.put("reason", Evolver.clip(reason, 500));
        p.put("field", field);
        p.put("before", before);
        p.put("after", after);
        p.put("value", value);
        p.put("list", list);
        p.put("keywordText", list == null ? null : String.join(" ", list));
        p.put("cause", cause);
        return p;
    }
}
