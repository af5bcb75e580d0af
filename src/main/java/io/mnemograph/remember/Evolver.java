package io.mnemograph.remember;

import io.mnemograph.agent.MemoryAgent;
import io.mnemograph.agent.Note;
import io.mnemograph.agent.NoteRequest;
import io.mnemograph.agent.Words;
import io.mnemograph.config.MnemographConfig;
import io.mnemograph.graph.GraphStore;
import io.mnemograph.metrics.Metrics;
import io.mnemograph.graph.MemoryVectors;
import io.mnemograph.memory.MemoryRules;
import io.mnemograph.memory.TimeSpan;
import io.mnemograph.time.TimeService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs the agent over newly stored memories in arrival order: note, links, evolution and the READY mark of a batch
 * commit together — in the transaction that stores the memories when the agent decides locally (the heuristic agent),
 * after the memories were stored when it calls a model. When that fails, the memories are stored without it and each
 * is tried alone; one that still fails stays PENDING and is processed again at the next start — never half-evolved,
 * never lost.
 */
@ApplicationScoped
public class Evolver {

    private static final Logger LOG = Logger.getLogger(Evolver.class);
    static final int MAX_NOTE_LABELS = 12;
    static final int MAX_CONTEXT = 500;
    /** A note names at most this many of its memory's time spans: it stays one sentence. */
    static final int MAX_NOTE_MENTIONS = 3;

    private final GraphStore store;
    private final MemoryAgent agent;
    private final InstantSource clock;
    private final MemoryEvents events;
    private final int candidates;
    private final TimeService time;
    private final MemoryVectors embeddings;
    private final Metrics metrics;

    Evolver(GraphStore store, MemoryAgent agent, InstantSource clock, MemoryEvents events, MnemographConfig config,
            TimeService time, MemoryVectors embeddings, Metrics metrics) {
        this.metrics = metrics;
        this.time = time;
        this.embeddings = embeddings;
        this.store = store;
        this.agent = agent;
        this.clock = clock;
        this.events = events;
        this.candidates = config.agent().candidates();
    }

    /**
     * Whether the agent's step runs in the transaction that stores the memories (an agent that decides locally) rather
     * than in one of its own afterwards (an agent that calls a model).
     */
    boolean inline() {
        return !agent.callsModel();
    }

    /**
     * The agent's step inside the storing transaction ({@link #inline()}): the events to hand to {@link #done} once it
     * has committed. Throws when the step fails; the caller then stores without it and calls {@link #process}.
     */
    List<MemoryEvents.Event> evolveInline(GraphStore.Tx tx, List<String> ids) {
        return ids.isEmpty() ? List.of() : metrics.agentStep(() -> evolve(tx, ids));
    }

    /** Counts and publishes what a committed agent step made. */
    void done(List<MemoryEvents.Event> done) {
        metrics.agentMade(done.stream().filter(e -> e.kind().equals("linked")).count(),
                done.stream().filter(e -> e.kind().equals("evolved")).count());
        events.publishAll(done);
    }

    /** Processes these memories (ids in arrival order); failures are logged and leave the memory PENDING. */
    public void process(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            done(metrics.agentStep(() -> store.write(tx -> evolve(tx, ids))));
        } catch (RuntimeException batchFailure) {
            if (ids.size() == 1) {
                metrics.agentFailed(1);
                LOG.warnf(batchFailure, "Memory %s stays pending: the agent's step failed", ids.get(0));
                return;
            }
            for (String id : ids) {
                process(List.of(id));
            }
        }
    }

    /** Processes memories a restore brought back to PENDING (see {@link TimeService#restore}). */
    void onPendingRestored(@Observes TimeService.PendingRestored restored) {
        process(restored.ids());
    }

    /** Processes every memory left PENDING by an earlier run; returns how many were processed. */
    public int resumePending() {
        int total = 0;
        Set<String> tried = new HashSet<>();
        while (true) {
            List<String> ids = store.query("memory/pending", Map.of("limit", 500)).stream()
                    .map(r -> (String) r.get("id")).filter(tried::add).toList();
            if (ids.isEmpty()) {
                return total;
            }
            process(ids);
            total += ids.size();
        }
    }

    /** The agent's step for these memories within the caller's transaction; the events to publish after commit. */
    List<MemoryEvents.Event> evolve(GraphStore.Tx tx, List<String> ids) {
        Instant now = clock.instant();
        // Scopes in name order: every writer locks them in the same order, so two batches never deadlock.
        Set<String> scopes = new TreeSet<>();
        tx.run("agent/load_pending", Map.of("ids", ids)).forEach(r -> scopes.add((String) r.get("scope")));
        for (String scope : scopes) {
            tx.run("memory/lock_scope", Map.of("scope", scope, "now", now.atZone(ZoneOffset.UTC)));
        }
        // read again under the locks: another replica resuming pending memories at its start may have processed some
        // of these while this one waited, and a memory is evolved once
        List<Map<String, Object>> pending = tx.run("agent/load_pending", Map.of("ids", ids)).stream()
                .filter(r -> scopes.contains((String) r.get("scope"))).toList();
        Map<String, float[]> vectors = embeddings.get(tx, pending.stream().map(r -> (String) r.get("id")).toList());
        Map<String, List<Map<String, Object>>> byScope = new TreeMap<>();
        for (Map<String, Object> r : pending) {
            Map<String, Object> row = new HashMap<>(r);
            row.put("embedding", vectors.get((String) r.get("id")));
            byScope.computeIfAbsent((String) row.get("scope"), k -> new ArrayList<>()).add(row);
        }
        List<MemoryEvents.Event> out = new ArrayList<>();
        for (var e : byScope.entrySet()) {
            out.addAll(new BatchEvolution(tx, agent, time, embeddings, candidates, e.getKey(), now, e.getValue())
                    .run());
        }
        return out;
    }

    static Map<String, Object> linkParams(String from, String to, String reason, double strength, String by,
                                          Instant at) {
        Map<String, Object> p = new HashMap<>();
        p.put("from", from);
        p.put("to", to);
        p.put("reason", reason);
        p.put("strength", strength);
        p.put("by", by);
        p.put("at", at.atZone(ZoneOffset.UTC));
        return p;
    }

    /** Moves each tag's centroid towards the new memory (a running mean) in the batch's copy of the scope's tags. */
    static void updateTagCentroids(List<String> tags, float[] embedding, List<NoteRequest.ScopeTag> scopeTags) {
        for (String t : tags) {
            NoteRequest.ScopeTag known = scopeTags.stream().filter(s -> s.name().equals(t)).findFirst().orElse(null);
            float[] centroid;
            long n;
            if (known == null || known.centroid() == null) {
                centroid = embedding.clone();
                n = 1;
            } else {
                n = known.memories() + 1;
                centroid = new float[embedding.length];
                for (int i = 0; i < centroid.length; i++) {
                    centroid[i] = known.centroid()[i] + (embedding[i] - known.centroid()[i]) / n;
                }
            }
            if (known != null) {
                scopeTags.remove(known);
            }
            scopeTags.add(new NoteRequest.ScopeTag(t, centroid, n));
        }
    }

    /** Keeps what any agent returns within bounds: normalised, limited labels, and a context of sane length. */
    static Note bounded(Note note, List<String> givenKeywords, List<String> givenTags, String content) {
        List<String> keywords = new ArrayList<>(givenKeywords);
        for (String k : MemoryRules.normaliseLabels(note == null ? List.of() : note.keywords())) {
            if (!keywords.contains(k) && keywords.size() < MAX_NOTE_LABELS + givenKeywords.size() && k.length() <= 100) {
                keywords.add(k);
            }
        }
        List<String> tags = new ArrayList<>(givenTags);
        for (String t : MemoryRules.normaliseLabels(note == null ? List.of() : note.tags())) {
            if (!tags.contains(t) && tags.size() < MAX_NOTE_LABELS + givenTags.size() && t.length() <= 100) {
                tags.add(t);
            }
        }
        String context = note == null || note.context() == null || note.context().isBlank()
                ? Words.firstSentence(content, 160) : clip(note.context().strip(), MAX_CONTEXT);
        return new Note(keywords, tags, context);
    }

    /**
     * The note with the times its memory talks about, resolved: "… (event: last Friday = 2023-05-05)". Whatever agent
     * wrote the note, the reader sees which day "last Friday" was without knowing when it was said.
     */
    static String withMentions(String context, List<TimeSpan> mentions) {
        if (mentions.isEmpty()) {
            return context;
        }
        List<String> shown = mentions.stream().limit(MAX_NOTE_MENTIONS).map(s -> s.text() + " = " + s.days()).toList();
        return context + " (event: " + String.join("; ", shown) + ")";
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
