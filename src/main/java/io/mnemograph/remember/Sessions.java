package io.mnemograph.remember;

import io.mnemograph.graph.GraphStore;

import java.util.HashMap;
import java.util.Map;

/** Keeps each session's memories, and each scope's sessions, in one NEXT chain in event-time order. */
final class Sessions {

    private Sessions() {
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
            String key = (String) place.get("session");
            Map<String, Object> sp = new HashMap<>(tx.run("memory/session_place", Map.of("key", key)).get(0));
            sp.put("id", key);
            tx.run("memory/splice_session", sp);
        }
    }
}
