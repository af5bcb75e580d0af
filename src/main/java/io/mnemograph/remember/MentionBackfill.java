package io.mnemograph.remember;

import io.mnemograph.graph.GraphStore;
import io.mnemograph.memory.MemoryRows;
import io.mnemograph.memory.TimeExpressions;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the time spans of memories stored before event times were read from content, once per database, at start:
 * pages of memories without them, each page one write. Every path that creates memories now stores their spans, so
 * once done, the marker {@code (:__Backfill {name: 'mentions'})} saves later starts the scan. The notes of such
 * memories stay as the agent wrote them.
 */
@ApplicationScoped
public class MentionBackfill {

    static final String NAME = "mentions";
    static final int PAGE = 500;

    private final GraphStore store;
    private final InstantSource clock;

    MentionBackfill(GraphStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Reads the spans of every memory that has none stored yet; returns how many memories it read. */
    public int run() {
        if (Boolean.TRUE.equals(store.query("memory/backfill_done", Map.of("name", NAME)).get(0).get("done"))) {
            return 0;
        }
        int total = 0;
        while (true) {
            List<Map<String, Object>> page = store.query("memory/without_mentions", Map.of("limit", PAGE));
            if (page.isEmpty()) {
                break;
            }
            List<Map<String, Object>> rows = new ArrayList<>(page.size());
            for (Map<String, Object> m : page) {
                Instant occurredAt = MemoryRows.instant(m.get("occurredAt"));
                String content = (String) m.get("content");
                Map<String, Object> row = new HashMap<>(MemoryRows.mentionProperties(content == null
                        || occurredAt == null ? List.of() : TimeExpressions.mentions(content, occurredAt)));
                row.put("id", m.get("id"));
                rows.add(row);
            }
            store.update("memory/set_mentions", Map.of("rows", rows));
            total += rows.size();
        }
        store.update("memory/backfill_record", Map.of("name", NAME, "now", clock.instant().atZone(ZoneOffset.UTC)));
        return total;
    }
}
