package io.mnemograph.remember;

import io.mnemograph.config.MnemographConfig;
import io.mnemograph.embedding.Embedder;
import io.mnemograph.graph.GraphStore;
import io.mnemograph.memory.InvalidInputException;
import io.mnemograph.memory.Memory;
import io.mnemograph.memory.MemoryDraft;
import io.mnemograph.memory.MemoryStatus;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The write path: stores memories durably first (one transaction for a whole batch, all or nothing), then lets the
 * agent build each note, link and evolve it, in arrival order.
 */
@ApplicationScoped
public class RememberService {

    private final GraphStore store;
    private final Embedder embedder;
    private final InstantSource clock;
    private final Evolver evolver;
    private final int maxBatch;

    RememberService(GraphStore store, Embedder embedder, InstantSource clock, Evolver evolver, MnemographConfig config) {
        this.store = store;
        this.embedder = embedder;
        this.clock = clock;
        this.evolver = evolver;
        this.maxBatch = config.limits().maxBatch();
    }

    public Memory remember(MemoryDraft draft) {
        return rememberAll(List.of(draft)).get(0);
    }

    /**
     * Stores every draft or none. A draft whose (scope, externalId) is already stored, or appeared earlier in the
     * batch, gives back that memory unchanged. Returns the memories in input order.
     */
    public List<Memory> rememberAll(List<MemoryDraft> drafts) {
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
        List<String> ids = store.write(tx -> {
            created.clear();
            return store(tx, drafts, vectors, now, created);
        });
        evolver.process(created);
        return MemoryReader.getAllFresh(store, ids);
    }

    private List<String> store(GraphStore.Tx tx, List<MemoryDraft> drafts, List<float[]> vectors, Instant now,
                               List<String> created) {
        Map<String, String> seen = new HashMap<>();
        List<String> ids = new ArrayList<>(drafts.size());
        for (String scope : drafts.stream().map(MemoryDraft::scope).distinct().sorted().toList()) {
            tx.run("memory/lock_scope", Map.of("scope", scope, "now", utc(now)));
        }
        for (int i = 0; i < drafts.size(); i++) {
            MemoryDraft d = drafts.get(i);
            String key = d.externalId() == null ? null : d.scope() + "|" + d.externalId();
            if (key != null) {
                String known = seen.get(key);
                if (known == null) {
                    var rows = tx.run("memory/find_by_external_id", Map.of("key", key));
                    known = rows.isEmpty() ? null : (String) rows.get(0).get("id");
                }
                if (known != null) {
                    ids.add(known);
                    continue;
                }
            }
            String id = UUID.randomUUID().toString();
            tx.run("memory/insert", Map.of("m", row(id, d, vectors.get(i), now, key)));
            if (d.sessionId() != null) {
                Sessions.attach(tx, id);
            }
            if (key != null) {
                seen.put(key, id);
            }
            ids.add(id);
            created.add(id);
        }
        return ids;
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
        m.put("occurredAt", utc(d.occurredAt() == null ? now : d.occurredAt()));
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
