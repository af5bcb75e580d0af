package io.mnemograph.remember;

import io.mnemograph.agent.Decisions;
import io.mnemograph.agent.Neighbour;
import io.mnemograph.graph.GraphStore;
import io.mnemograph.memory.LabelLists;
import io.mnemograph.memory.MemoryRules;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Changes to memories that already existed: each one is written together with its (:Revision). */
final class Revisions {

    private Revisions() {
    }

    /** Applies one evolution to a neighbour; returns false when it would change nothing. */
    static boolean apply(GraphStore.Tx tx, Neighbour n, Decisions.Evolution e, String agent, Instant at,
                         String cause) {
        switch (e.field()) {
            case "context" -> {
                String after = e.context() == null ? null : Evolver.clip(e.context().strip(), Evolver.MAX_CONTEXT);
                if (after == null || after.isEmpty() || Objects.equals(after, n.context())) {
                    return false;
                }
                revise(tx, n.id(), "context", n.context(), after, after, null, agent, e.reason(), at, cause);
                return true;
            }
            case "tags" -> {
                List<String> after = MemoryRules.normaliseLabels(e.tags());
                if (e.tags() == null || after.equals(n.tags()) || after.size() > Evolver.MAX_NOTE_LABELS) {
                    return false;
                }
                revise(tx, n.id(), "tags", LabelLists.toJson(n.tags()), LabelLists.toJson(after), null, after, agent,
                        e.reason(), at, cause);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** Sets {@code field} of memory {@code id} and records before/after; returns the revision's id. */
    static String revise(GraphStore.Tx tx, String id, String field, String before, String after, String value,
                         List<String> list, String agent, String reason, Instant at, String cause) {
        String revisionId = UUID.randomUUID().toString();
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("revisionId", revisionId);
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
        tx.run("agent/revise", p);
        if ("tags".equals(field)) {
            tx.run("agent/retag", Map.of("id", id));
        }
        return revisionId;
    }
}
