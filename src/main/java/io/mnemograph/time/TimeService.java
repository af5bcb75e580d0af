package io.mnemograph.time;

import io.mnemograph.config.MnemographConfig;
import io.mnemograph.graph.GraphStore;
import io.mnemograph.graph.MemoryVectors;
import io.mnemograph.memory.InvalidInputException;
import io.mnemograph.memory.Memory;
import io.mnemograph.memory.LabelLists;
import io.mnemograph.memory.MemoryRows;
import io.mnemograph.memory.MemoryRules;
import io.mnemograph.memory.TimelineOrder;
import io.mnemograph.memory.MemoryStatus;
import io.mnemograph.memory.NotFoundException;
import io.mnemograph.memory.Session;
import io.mnemograph.memory.Validity;
import io.mnemograph.remember.MemoryReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Time as a dimension of the memory graph: knowledge updates (supersede), event order (timelines, sessions, which
 * happened first), and forgetting (archive, restore, erase). Every write takes the scope lock first, as all writers do.
 */
@ApplicationScoped
public class TimeService {

    /** Who changed a memory when the change came through the API. */
    public static final String API = "api";
    static final int DEFAULT_TIMELINE = 100;

    private final GraphStore store;
    private final MemoryReader reader;
    private final InstantSource clock;
    private final int maxLimit;
    private final MemoryVectors embeddings;
    private final Event<PendingRestored> pendingRestored;

    TimeService(GraphStore store, MemoryReader reader, InstantSource clock, MnemographConfig config,
                MemoryVectors embeddings, Event<PendingRestored> pendingRestored) {
        this.embeddings = embeddings;
        this.pendingRestored = pendingRestored;
        this.store = store;
        this.reader = reader;
        this.clock = clock;
        this.maxLimit = config.limits().maxRecallLimit();
    }

    // ---- knowledge updates ----

    /**
     * Records that {@code newId} updates {@code oldId}, in its own transaction, and returns the newer memory.
     *
     * @throws NotFoundException     when either id names no memory
     * @throws InvalidInputException when they are the same, in different scopes, or the older already supersedes
     *                               the newer (a cycle)
     */
    public Memory supersede(String oldId, String newId, String reason) {
        store.write(tx -> {
            lock(tx, state(tx, oldId).scope);
            return supersede(tx, oldId, newId, reason, API);
        });
        return reader.get(newId).orElseThrow(() -> new NotFoundException("no memory " + newId));
    }

    /**
     * Records inside the caller's write transaction that memory {@code newId} updates memory {@code oldId} (a
     * knowledge update): a {@code (newer)-[:SUPERSEDES {reason, at, by}]->(older)} edge, and the older memory's
     * validTo set by {@link Validity#supersededAt}, recorded as a Revision of field validTo. Nothing is deleted:
     * as-of recall before validTo still finds the older memory. Superseding again with the same pair changes nothing.
     * The transaction must hold the scope's lock ({@code memory/lock_scope}), as every write transaction does.
     *
     * @param reason why, for the edge and the revision; may be null
     * @param by     who decided: "api", or the agent's name
     * @return whether anything changed
     * @throws NotFoundException     when either id names no memory
     * @throws InvalidInputException when they are the same, in different scopes, or it would make a cycle
     */
    public boolean supersede(GraphStore.Tx tx, String oldId, String newId, String reason, String by) {
        if (oldId.equals(newId)) {
            throw new InvalidInputException("a memory cannot supersede itself (" + oldId + ")");
        }
        State older = state(tx, oldId);
        State newer = state(tx, newId);
        if (!older.scope.equals(newer.scope)) {
            throw new InvalidInputException("memories " + oldId + " and " + newId + " are in different scopes ("
                    + older.scope + ", " + newer.scope + "): only a memory of the same scope can supersede another");
        }
        if (Boolean.TRUE.equals(tx.run("time/supersedes_path", Map.of("from", oldId, "to", newId)).get(0).get("found"))) {
            throw new InvalidInputException("memory " + oldId + " already supersedes " + newId
                    + ": superseding it back would make a cycle");
        }
        boolean known = Boolean.TRUE.equals(tx.run("time/supersedes_path", Map.of("from", newId, "to", oldId))
                .get(0).get("found"));
        Instant validTo = Validity.supersededAt(older.occurredAt, newer.occurredAt, older.validTo);
        Instant now = clock.instant();
        Map<String, Object> p = new HashMap<>();
        p.put("oldId", oldId);
        p.put("newId", newId);
        p.put("reason", reason);
        p.put("by", by);
        p.put("now", utc(now));
        p.put("validTo", utc(validTo));
        tx.run("time/supersede", p);
        boolean changed = !validTo.equals(older.validTo);
        if (changed) {
            revise(tx, oldId, "validTo", text(older.validTo), text(validTo), reason, by, newId, now);
        }
        return changed || !known;
    }

    // ---- order ----

    /**
     * A scope's memories (or one session's) in event order, occurredAt then arrival, archived ones left out.
     *
     * @param limit 1..max-recall-limit; null gives 100
     */
    public List<Memory> timeline(String scope, String sessionId, Instant from, Instant to, Integer limit) {
        return timeline(scope, sessionId, from, to, limit, TimelineOrder.SAID);
    }

    /**
     * As {@link #timeline(String, String, Instant, Instant, Integer)}, in the given order; in EVENT order from/to
     * bound the time that orders (the first mentioned time, else occurredAt).
     */
    public List<Memory> timeline(String scope, String sessionId, Instant from, Instant to, Integer limit,
                                 TimelineOrder order) {
        int n = limit == null ? DEFAULT_TIMELINE : limit;
        if (n < 1 || n > maxLimit) {
            throw new InvalidInputException("limit " + n + " is outside 1.." + maxLimit);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidInputException("from (" + from + ") is after to (" + to + ")");
        }
        Map<String, Object> p = new HashMap<>();
        p.put("scope", MemoryRules.scope(scope));
        p.put("sessionId", sessionId);
        p.put("from", utc(from));
        p.put("to", utc(to));
        p.put("limit", n);
        String statement = order == TimelineOrder.EVENT ? "time/timeline_event" : "time/timeline";
        List<String> ids = store.query(statement, p).stream().map(r -> (String) r.get("id")).toList();
        return reader.getAll(ids);
    }

    /** A scope's sessions, in order of their start. */
    public List<Session> sessions(String scope) {
        return store.query("time/sessions", Map.of("scope", MemoryRules.scope(scope))).stream()
                .map(r -> new Session((String) r.get("id"), (String) r.get("scope"),
                        MemoryRows.instant(r.get("startedAt")), MemoryRows.instant(r.get("endedAt")),
                        ((Number) r.get("memoryCount")).longValue()))
                .toList();
    }

    /**
     * Whether memory {@code a} happened before memory {@code b}: earlier occurredAt, or at the same moment but
     * stored first. A memory did not happen before itself.
     *
     * @throws NotFoundException     when either id names no memory
     * @throws InvalidInputException when they are in different scopes
     */
    public boolean happenedBefore(String a, String b) {
        return store.read(tx -> {
            State x = state(tx, a);
            State y = state(tx, b);
            if (!x.scope.equals(y.scope)) {
                throw new InvalidInputException("memories " + a + " and " + b + " are in different scopes ("
                        + x.scope + ", " + y.scope + "): their order is not defined");
            }
            int c = x.occurredAt.compareTo(y.occurredAt);
            return c < 0 || (c == 0 && x.seq < y.seq);
        });
    }

    /** The memory before and the one after {@code id} in its session's NEXT chain (event order), if any. */
    public Neighbours neighbours(String id) {
        List<Map<String, Object>> rows = store.query("time/neighbours", Map.of("id", id));
        if (rows.isEmpty()) {
            return new Neighbours(Optional.empty(), Optional.empty());
        }
        return new Neighbours(first(rows.get(0).get("previous")), first(rows.get(0).get("next")));
    }

    /** A memory's neighbours in its session's chain. */
    public record Neighbours(Optional<String> previous, Optional<String> next) {
    }

    // ---- forgetting ----

    /**
     * Forgets a memory. Softly by default: it becomes ARCHIVED, out of recall and timelines, and comes back with
     * {@link #restore}. Hard: it is erased with every node and edge that holds its content (see
     * {@code time/erase.cypher}); its session's chain is mended, and memories it superseded are valid again unless
     * another update superseded them too.
     *
     * @return whether anything changed (false: already archived)
     * @throws NotFoundException when the id names no memory
     */
    public boolean forget(String id, boolean hard) {
        try {
            return forgetInTransaction(id, hard);
        } finally {
            if (hard) {
                // after the commit, so that no concurrent reader can put the erased embedding back
                embeddings.removed(List.of(id));
            }
        }
    }

    private boolean forgetInTransaction(String id, boolean hard) {
        return store.write(tx -> {
            State m = state(tx, id);
            lock(tx, m.scope);
            if (hard) {
                erase(tx, id);
                return true;
            }
            if (m.status == MemoryStatus.ARCHIVED) {
                return false;
            }
            setStatus(tx, id, m.status, MemoryStatus.ARCHIVED, "forgotten");
            return true;
        });
    }

    /**
     * Brings an archived memory back to the status it had before: READY, or PENDING when the agent had not processed
     * it (its step failed, and the memory was forgotten before a retry). A PENDING one goes to the agent at once,
     * after the commit ({@link PendingRestored}); without that it would come back READY with no keywords, tags or
     * links, and no later start would ever take it up. A memory not archived is returned unchanged.
     *
     * @throws NotFoundException when the id names no memory
     */
    public Memory restore(String id) {
        MemoryStatus restored = store.write(tx -> {
            State m = state(tx, id);
            lock(tx, m.scope);
            if (m.status != MemoryStatus.ARCHIVED) {
                return null;
            }
            MemoryStatus before = tx.run("time/status_before_archive", Map.of("id", id)).stream()
                    .map(r -> (String) r.get("before")).filter(MemoryStatus.PENDING.name()::equals)
                    .findFirst().map(MemoryStatus::valueOf).orElse(MemoryStatus.READY);
            setStatus(tx, id, m.status, before, "restored");
            return before;
        });
        if (restored == MemoryStatus.PENDING) {
            pendingRestored.fire(new PendingRestored(List.of(id)));
        }
        return reader.get(id).orElseThrow(() -> new NotFoundException("no memory " + id));
    }

    /** Memories restored to PENDING, for the agent to process now (an event: the agent depends on this service). */
    public record PendingRestored(List<String> ids) {
    }

    private void erase(GraphStore.Tx tx, String id) {
        Instant now = clock.instant();
        // Read before the erase deletes the SUPERSEDES edges: the older memories get their validity back.
        List<Map<String, Object>> olders = tx.run("time/superseders", Map.of("id", id));
        undoCausedChanges(tx, id);
        String session = (String) tx.run("time/erase", Map.of("id", id)).get(0).get("session");
        for (Map<String, Object> o : olders) {
            Instant before = MemoryRows.instant(o.get("validTo"));
            Instant next = MemoryRows.instant(o.get("nextUpdate"));
            Instant after = next == null ? null
                    : Validity.supersededAt(MemoryRows.instant(o.get("occurredAt")), next, null);
            if (before == null ? after != null : !before.equals(after)) {
                Map<String, Object> p = new HashMap<>();
                p.put("id", o.get("id"));
                p.put("validTo", utc(after));
                tx.run("time/set_valid_to", p);
                revise(tx, (String) o.get("id"), "validTo", text(before), text(after),
                        "the memory that superseded it was erased", API, null, now);
            }
        }
        if (session != null) {
            Map<String, Object> s = tx.run("time/session_refresh", Map.of("key", session)).get(0);
            boolean empty = ((Number) s.get("memories")).longValue() == 0;
            if (empty || Boolean.TRUE.equals(s.get("moved"))) {
                tx.run("time/session_unlink", Map.of("key", session, "delete", empty));
            }
            if (!empty && Boolean.TRUE.equals(s.get("moved"))) {
                // Its start moved later: splice it back into the scope's session chain at its new place.
                tx.run("memory/place_session", Map.of("key", session));
            }
        }
    }

    /**
     * Takes back what the agent changed on other memories because this one arrived (a context enriched with its
     * words, tags it spread), where the value is still the one the change left: the erased content must not live on
     * in its neighbours. The revisions themselves are deleted with the memory.
     */
    private static void undoCausedChanges(GraphStore.Tx tx, String id) {
        for (Map<String, Object> c : tx.run("time/caused_changes", Map.of("id", id))) {
            String field = (String) c.get("field");
            Object now = "context".equals(field) ? c.get("context") : LabelLists.toJson(MemoryRows.strings(c.get(field)));
            if (!java.util.Objects.equals(now, c.get("after"))) {
                continue;
            }
            Map<String, Object> p = new HashMap<>();
            p.put("id", c.get("id"));
            p.put("field", field);
            p.put("value", "context".equals(field) ? c.get("before") : null);
            List<String> list = "context".equals(field) ? null : LabelLists.fromJson((String) c.get("before"));
            p.put("list", list);
            p.put("keywordText", list == null ? null : String.join(" ", list));
            tx.run("time/restore_note_field", p);
            if ("tags".equals(field)) {
                tx.run("agent/retag", Map.of("ids", List.of(c.get("id"))));
            }
        }
    }

    private void setStatus(GraphStore.Tx tx, String id, MemoryStatus before, MemoryStatus after, String reason) {
        tx.run("time/set_status", Map.of("id", id, "status", after.name()));
        revise(tx, id, "status", before.name(), after.name(), reason, API, null, clock.instant());
    }

    private static void revise(GraphStore.Tx tx, String id, String field, String before, String after, String reason,
                               String by, String cause, Instant now) {
        Map<String, Object> r = new HashMap<>();
        r.put("id", UUID.randomUUID().toString());
        r.put("at", utc(now));
        r.put("agent", by);
        r.put("reason", reason);
        r.put("field", field);
        r.put("before", before);
        r.put("after", after);
        r.put("cause", cause);
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("r", r);
        tx.run("time/revise", p);
    }

    private void lock(GraphStore.Tx tx, String scope) {
        tx.run("memory/lock_scope", Map.of("scope", scope, "now", utc(clock.instant())));
    }

    private record State(String scope, MemoryStatus status, Instant occurredAt, long seq, Instant validTo) {
    }

    private static State state(GraphStore.Tx tx, String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidInputException("a memory id is empty");
        }
        List<Map<String, Object>> rows = tx.run("time/memory_state", Map.of("ids", List.of(id)));
        if (rows.isEmpty()) {
            throw new NotFoundException("no memory " + id);
        }
        Map<String, Object> r = rows.get(0);
        Object status = r.get("status");
        return new State((String) r.get("scope"),
                status == null ? MemoryStatus.READY : MemoryStatus.valueOf((String) status),
                MemoryRows.instant(r.get("occurredAt")), r.get("seq") instanceof Number n ? n.longValue() : 0L,
                MemoryRows.instant(r.get("validTo")));
    }

    private static Optional<String> first(Object ids) {
        List<String> l = MemoryRows.strings(ids);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    private static ZonedDateTime utc(Instant i) {
        return i == null ? null : i.atZone(ZoneOffset.UTC);
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }
}
