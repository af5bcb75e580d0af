package io.mnemograph.remember;

import io.mnemograph.config.MnemographConfig;
import io.mnemograph.embedding.Embedder;
import io.mnemograph.graph.GraphStore;
import io.mnemograph.memory.InvalidInputException;
import io.mnemograph.memory.Memory;
import io.mnemograph.memory.MemoryDraft;
import io.mnemograph.memory.MemoryRows;
import io.mnemograph.memory.TimeExpressions;
import io.mnemograph.metrics.Metrics;
import io.mnemograph.memory.MemoryStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import io.mnemograph.graph.MemoryVectors;
import java.util.Set;
import java.util.HashSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The write path: stores memories durably (one transaction for a whole batch, all or nothing) and lets the agent build
 * each note, link and evolve it, in arrival order — in the same transaction when the agent decides locally, after it
 * when the agent calls a model (see {@link Evolver}).
 */
@ApplicationScoped
public class RememberService {

    private static final Logger LOG = Logger.getLogger(RememberService.class);

    private final GraphStore store;
    private final Embedder embedder;
    private final InstantSource clock;
    private final Evolver evolver;
    private final int maxBatch;
    private final MemoryVectors embeddings;
    private final Metrics metrics;

    RememberService(GraphStore store, Embedder embedder, InstantSource clock, Evolver evolver, MnemographConfig config,
                    MemoryVectors embeddings, Metrics metrics) {
        this.metrics = metrics;
        this.embeddings = embeddings;
        this.store = store;
        this.embedder = embedder;
        this.clock = clock;
        this.evolver = evolver;
        this.maxBatch = config.limits().maxBatch();
    }

    public Memory remember(MemoryDraft draft) {
        return metrics.remember("remember", 1, () -> store(List.of(draft)).get(0));
    }

    /**
     * Stores every draft or none. A draft whose (scope, externalId) is already stored, or appeared earlier in the
     * batch, gives back that memory unchanged. Returns the memories in input order.
     */
    public List<Memory> rememberAll(List<MemoryDraft> drafts) {
        return metrics.remember("rememberAll", drafts.size(), () -> store(drafts));
    }

    private List<Memory> store(List<MemoryDraft> drafts) {
        if (drafts.isEmpty()) {
            return List.of();
        }
        if (drafts.size() > maxBatch) {
            throw new InvalidInputException("a batch of " + drafts.size() + " memories is over the limit of "
                    + maxBatch + " (mnemograph.limits.max-batch)");
        }
        List<float[]> vectors = embedder.embedAll(drafts.stream().map(MemoryDraft::content).toList());
        Instant now = clock.instant();
        List<String> created = new ArrayList<>();
        Map<String, Long> seqs = new HashMap<>();
        List<MemoryEvents.Event> made = new ArrayList<>();
        List<String> ids = null;
        List<Memory> read = null;
        if (evolver.inline()) {
            // issue 15: one transaction for the batch and the heuristic agent's notes, links and revisions
            try {
                Written written = store.write(tx -> {
                    clear(created, seqs, made);
                    List<String> stored = store(tx, drafts, vectors, now, created, seqs);
                    made.addAll(evolver.evolveInline(tx, created));
                    // read back before the commit: what is committed, without a transaction of its own
                    return new Written(stored, MemoryReader.getAll(tx, stored));
                });
                ids = written.ids();
                read = written.memories();
            } catch (InvalidInputException e) {
                throw e;
            } catch (RuntimeException agentOrStoreFailed) {
                // nothing was committed: store alone below, and let the agent try memory by memory after it
                LOG.warnf("Storing a batch with the agent's step failed (%s): storing it first, then the agent",
                        agentOrStoreFailed.toString());
                ids = null;
            }
        }
        boolean evolved = ids != null;
        if (!evolved) {
            ids = store.write(tx -> {
                clear(created, seqs, made);
                return store(tx, drafts, vectors, now, created, seqs);
            });
        }
        Set<String> fresh = new HashSet<>(created);
        for (int i = 0; i < ids.size(); i++) {
            if (fresh.remove(ids.get(i))) {
                embeddings.added(drafts.get(i).scope(), List.of(ids.get(i)), List.of(seqs.get(ids.get(i))),
                        List.of(vectors.get(i)));
            }
        }
        if (evolved) {
            evolver.done(made);
        } else {
            evolver.process(created);
        }
        return read != null ? read : MemoryReader.getAllFresh(store, ids);
    }

    /** A batch's ids in input order, and its memories as the storing transaction commits them. */
    private record Written(List<String> ids, List<Memory> memories) {
    }

    private static void clear(List<String> created, Map<String, Long> seqs, List<MemoryEvents.Event> made) {
        created.clear();
        seqs.clear();
        made.clear();
    }

    /**
     * Runs the write path once in a transaction that is then rolled back, so that the first real batch does not pay
     * for planning its statements (0.1-0.5 s each, seconds in all). Nothing is kept.
     */
    public void warmUp() {
        Instant at = clock.instant();
        List<MemoryDraft> drafts = List.of(
                warmUpDraft("Ada: We hiked the Grand Canyon with my sister Mia last spring.", at, "1"),
                warmUpDraft("Ben: Hiking the Grand Canyon with your sister Mia sounds wonderful!", at, "2"),
                warmUpDraft("Ada: Mia and I hiked the Grand Canyon again this spring.", at, "3"));
        List<float[]> vectors = embedder.embedAll(drafts.stream().map(MemoryDraft::content).toList());
        List<String> created = new ArrayList<>();
        try {
            store.write(tx -> {
                store(tx, drafts, vectors, at, created, new HashMap<>());
                evolver.evolve(tx, created);
                MemoryReader.getAll(tx, created);
                throw new RolledBack();
            });
        } catch (RolledBack expected) {
            // the point: nothing of the warm-up is committed, and the process holds nothing of it either
            embeddings.removed(created);
        }
    }

    private static MemoryDraft warmUpDraft(String content, Instant at, String externalId) {
        return new MemoryDraft(content, "__warm-up", "warm-up", at, externalId, List.of(), List.of(), Map.of());
    }

    private static final class RolledBack extends RuntimeException {
        RolledBack() {
            super("warm-up rolled back", null, false, false);
        }
    }

    private List<String> store(GraphStore.Tx tx, List<MemoryDraft> drafts, List<float[]> vectors, Instant now,
                               List<String> created, Map<String, Long> seqs) {
        for (String scope : drafts.stream().map(MemoryDraft::scope).distinct().sorted().toList()) {
            tx.run("memory/lock_scope", Map.of("scope", scope, "now", utc(now)));
        }
        List<String> keys = drafts.stream().map(RememberService::key).filter(k -> k != null).distinct().toList();
        Map<String, String> known = new HashMap<>();
        if (!keys.isEmpty()) {
            for (Map<String, Object> r : tx.run("memory/find_by_external_id", Map.of("keys", keys))) {
                known.put((String) r.get("key"), (String) r.get("id"));
            }
        }
        List<String> ids = new ArrayList<>(drafts.size());
        Map<String, List<Map<String, Object>>> rowsByScope = new LinkedHashMap<>();
        List<Sessions.Arrival> arrivals = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            MemoryDraft d = drafts.get(i);
            String key = key(d);
            if (key != null && known.containsKey(key)) {
                ids.add(known.get(key));
                continue;
            }
            String id = UUID.randomUUID().toString();
            rowsByScope.computeIfAbsent(d.scope(), k -> new ArrayList<>()).add(row(id, d, vectors.get(i), now, key));
            if (d.sessionId() != null) {
                arrivals.add(new Sessions.Arrival(id, d.scope(), d.sessionId(), d.occurredAt() == null ? now
                        : d.occurredAt()));
            }
            if (key != null) {
                known.put(key, id);
            }
            ids.add(id);
            created.add(id);
        }
        for (var e : rowsByScope.entrySet()) {
            for (Map<String, Object> r : tx.run("memory/insert", Map.of("scope", e.getKey(), "rows", e.getValue()))) {
                seqs.put((String) r.get("id"), ((Number) r.get("seq")).longValue());
            }
        }
        Sessions.attachAll(tx, arrivals);
        return ids;
    }

    private static String key(MemoryDraft d) {
        return d.externalId() == null ? null : d.scope() + "|" + d.externalId();
    }

    private static Map<String, Object> row(String id, MemoryDraft d, float[] vector, Instant now, String key) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("scope", d.scope());
        m.put("scopeKey", scopeKey(d.scope()));
        m.put("content", d.content());
        m.put("context", null);
        m.put("keywords", d.keywords());
        m.put("tags", d.tags());
        m.put("keywordText", String.join(" ", d.keywords()));
        m.put("sessionId", d.sessionId());
        m.put("externalId", d.externalId());
        m.put("scopedExternalId", key);
        Instant occurredAt = d.occurredAt() == null ? now : d.occurredAt();
        m.put("occurredAt", utc(occurredAt));
        m.putAll(MemoryRows.mentionProperties(TimeExpressions.mentions(d.content(), occurredAt)));
        m.put("recordedAt", utc(now));
        m.put("metadataKeys", new ArrayList<>(d.metadata().keySet()));
        m.put("metadataValues", d.metadata().values().stream().map(v -> v == null ? "" : v).toList());
        m.put("status", MemoryStatus.PENDING.name());
        m.put("strength", 1.0);
        m.put("embedding", vector);
        return m;
    }

    /** The scope as one token that every Lucene analyzer keeps whole, to filter fulltext queries by scope. */
    public static String scopeKey(String scope) {
        return "s" + HexFormat.of().formatHex(scope.getBytes(StandardCharsets.UTF_8));
    }

    static java.time.ZonedDateTime utc(Instant i) {
        return i.atZone(ZoneOffset.UTC);
    }
}
