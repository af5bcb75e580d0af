package io.mnemograph.remember;

import io.mnemograph.graph.GraphStore;
import io.mnemograph.memory.MemoryRows;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps each session's memories, and each scope's sessions, in one NEXT chain in event-time order. */
final class Sessions {

    /** A memory just stored in a session; arrivals are listed in arrival order. */
    record Arrival(String id, String scope, String sessionId, Instant occurredAt) {
    }

    private Sessions() {
    }

    /**
     * Puts new memories into their sessions. A session's arrivals that all come no earlier than its last memory (the
     * usual case: a conversation told in order) are appended in one statement; others are placed one by one.
     */
    static void attachAll(GraphStore.Tx tx, List<Arrival> arrivals) {
        Map<String, List<Arrival>> bySession = new LinkedHashMap<>();
        for (Arrival a : arrivals) {
            bySession.computeIfAbsent(a.scope() + "|" + a.sessionId(), k -> new ArrayList<>()).add(a);
        }
        for (var e : bySession.entrySet()) {
            List<Arrival> group = new ArrayList<>(e.getValue());
            // stable: equal times keep arrival order, as the chain orders by (occurredAt, seq)
            group.sort(Comparator.comparing(Arrival::occurredAt));
            Map<String, Object> tail = tx.run("memory/session_tail", Map.of("key", e.getKey())).get(0);
            Instant last = tail.get("occurredAt") == null ? null : MemoryRows.instant(tail.get("occurredAt"));
            if (last != null && group.get(0).occurredAt().isBefore(last)) {
                for (Arrival a : e.getValue()) {
                    attach(tx, a.id());
                }
                continue;
            }
            Map<String, Object> p = new HashMap<>();
            p.put("key", e.getKey());
            p.put("ids", group.stream().map(Arrival::id).toList());
            p.put("tail", tail.get("tail"));
            p.put("startedAt", group.get(0).occurredAt().atZone(ZoneOffset.UTC));
            p.put("endedAt", group.get(group.size() - 1).occurredAt().atZone(ZoneOffset.UTC));
            tx.run("memory/append_session", p);
            if (!Boolean.TRUE.equals(tail.get("exists"))) {
                placeSession(tx, e.getKey());
            }
        }
    }

    /** Puts memory {@code id} (which has a sessionId) into its session and splices it into the chain at its place. */
    static void attach(GraphStore.Tx tx, String id) {
        Map<String, Object> place = tx.run("memory/attach_session", Map.of("id", id)).get(0);
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("previous", place.get("previous"));
        p.put("next", place.get("next"));
        tx.run("memory/splice", p);
        if (Boolean.TRUE.equals(place.get("isNew"))) {
            placeSession(tx, (String) place.get("session"));
        }
    }

    private static void placeSession(GraphStore.Tx tx, String key) {
        tx.run("memory/place_session", Map.of("key", key));
    }
}
