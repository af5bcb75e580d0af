package io.mnemograph.remember;

import io.mnemograph.graph.GraphStore;
import io.mnemograph.memory.InvalidInputException;
import io.mnemograph.memory.LabelLists;
import io.mnemograph.memory.MemoryRows;
import io.mnemograph.memory.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.InstantSource;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/** Links and revisions: reading them, and the changes a caller makes by hand (link, unlink, revert). */
@ApplicationScoped
public class HistoryService {

    /** What links and revisions made by a caller through the API record as their author. */
    public static final String BY_CALLER = "caller";

    /** One link as read from either end. */
    public record LinkInfo(String memoryId, String reason, double strength, String by, Instant at) {
    }

    /** One recorded change. */
    public record RevisionInfo(String id, String memoryId, Instant at, String agent, String reason, String field,
                               String before, String after) {
    }

    private final GraphStore store;
    private final InstantSource clock;
    private final MemoryEvents events;

    HistoryService(GraphStore store, InstantSource clock, MemoryEvents events) {
        this.store = store;
        this.clock = clock;
        this.events = events;
    }

    public List<LinkInfo> links(String memoryId) {
        return store.query("agent/links", Map.of("id", memoryId)).stream().map(HistoryService::link).toList();
    }

    public List<RevisionInfo> revisions(String memoryId) {
        return store.query("agent/revisions", Map.of("id", memoryId)).stream()
                .map(r -> revision(cast(r.get("revision")))).toList();
    }

    /** The memory a revision belongs to, or empty when the id names no revision. */
    public java.util.Optional<String> revisionMemory(String revisionId) {
        return store.query("agent/revision", Map.of("revisionId", revisionId)).stream()
                .map(r -> revision(cast(r.get("revision"))).memoryId()).findFirst();
    }

    /** Ids of the memories within {@code depth} (1..3) LINKED hops of a memory, nearest first. */
    public List<String> neighbors(String memoryId, int depth, int limit) {
        if (depth < 1 || depth > 3) {
            throw new InvalidInputException("depth " + depth + " is outside 1..3");
        }
        return store.query("agent/neighbors", Map.of("id", memoryId, "depth", depth, "limit", limit)).stream()
                .map(r -> (String) r.get("id")).toList();
    }

    /** Links two memories of one scope (or updates their link); returns the link as seen from {@code from}. */
    public LinkInfo link(String from, String to, String reason) {
        if (from.equals(to)) {
            throw new InvalidInputException("a memory cannot be linked to itself");
        }
        String why = reason == null || reason.isBlank() ? "linked by the caller" : Evolver.clip(reason.strip(), 300);
        Instant now = clock.instant();
        List<Map<String, Object>> rows = store.write(tx -> {
            requireSameScope(tx, from, to);
            return tx.run("agent/link", Evolver.linkParams(from, to, why, 1.0, BY_CALLER, now));
        });
        LinkInfo link = link(rows.get(0));
        events.publishAll(List.of(new MemoryEvents.Event("linked", scopeOf(from), from, to, why)));
        return link;
    }

    /** Removes the link between two memories, whichever way it was stored; false when there was none. */
    public boolean unlink(String from, String to) {
        long removed = (Long) store.update("agent/unlink", Map.of("from", from, "to", to)).get(0).get("removed");
        return removed > 0;
    }

    /**
     * Restores the value a revision replaced, exactly, and records that as a revision of its own; returns the id of
     * the memory.
     */
    public String revert(String revisionId) {
        Instant now = clock.instant();
        String memoryId = store.write(tx -> {
            List<Map<String, Object>> rows = tx.run("agent/revision", Map.of("revisionId", revisionId));
            if (rows.isEmpty()) {
                throw new NotFoundException("no revision " + revisionId);
            }
            RevisionInfo r = revision(cast(rows.get(0).get("revision")));
            String reason = "revert of revision " + r.id();
            switch (r.field()) {
                case "context" -> Revisions.revise(tx, r.memoryId(), "context", (String) rows.get(0).get("context"),
                        r.before(), r.before(), null, BY_CALLER, reason, now, null);
                case "tags", "keywords" -> {
                    List<String> now_ = MemoryRows.strings(rows.get(0).get(r.field()));
                    Revisions.revise(tx, r.memoryId(), r.field(), LabelLists.toJson(now_), r.before(), null,
                            LabelLists.fromJson(r.before()), BY_CALLER, reason, now, null);
                }
                default -> throw new InvalidInputException("revisions of field '" + r.field()
                        + "' cannot be reverted here");
            }
            return r.memoryId();
        });
        events.publishAll(List.of(new MemoryEvents.Event("reverted", scopeOf(memoryId), memoryId, null, revisionId)));
        return memoryId;
    }

    private void requireSameScope(GraphStore.Tx tx, String a, String b) {
        var found = io.mnemograph.remember.MemoryReader.getAll(tx, List.of(a, b));
        if (found.size() < 2) {
            throw new NotFoundException("no memory " + (found.stream().anyMatch(m -> m.id().equals(a)) ? b : a));
        }
        if (!found.get(0).scope().equals(found.get(1).scope())) {
            throw new InvalidInputException("memories of different scopes cannot be linked");
        }
    }

    private String scopeOf(String id) {
        return store.read(tx -> MemoryReader.getAll(tx, List.of(id))).stream().findFirst()
                .map(m -> m.scope()).orElse(null);
    }

    private static LinkInfo link(Map<String, Object> r) {
        return new LinkInfo((String) r.get("memoryId"), (String) r.get("reason"),
                ((Number) r.get("strength")).doubleValue(), (String) r.get("by"),
                r.get("at") == null ? null : ((ZonedDateTime) r.get("at")).toInstant());
    }

    private static RevisionInfo revision(Map<String, Object> r) {
        return new RevisionInfo((String) r.get("id"), (String) r.get("memoryId"),
                ((ZonedDateTime) r.get("at")).toInstant(), (String) r.get("agent"), (String) r.get("reason"),
                (String) r.get("field"), (String) r.get("before"), (String) r.get("after"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }
}
