package io.mnemograph.remember;

import io.mnemograph.agent.Decisions;
import io.mnemograph.agent.MemoryAgent;
import io.mnemograph.agent.NewMemory;
import io.mnemograph.agent.Neighbour;
import io.mnemograph.agent.Note;
import io.mnemograph.agent.NoteRequest;
import io.mnemograph.agent.Words;
import io.mnemograph.config.MnemographConfig;
import io.mnemograph.graph.GraphStore;
import io.mnemograph.memory.InvalidInputException;
import io.mnemograph.memory.MemoryRows;
import io.mnemograph.memory.NotFoundException;
import io.mnemograph.memory.MemoryRules;
import io.mnemograph.memory.VectorReach;
import io.mnemograph.time.TimeService;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the agent over newly stored memories in arrival order: note, links, evolution and the READY mark of a batch
 * commit together, after the memories themselves were stored. When that fails, each memory is tried alone; one that
 * still fails stays PENDING and is processed again at the next start — never half-evolved, never lost.
 */
@ApplicationScoped
public class Evolver {

    private static final Logger LOG = Logger.getLogger(Evolver.class);
    static final int MAX_NOTE_LABELS = 12;
    static final int MAX_CONTEXT = 500;

    private final GraphStore store;
    private final MemoryAgent agent;
    private final InstantSource clock;
    private final MemoryEvents events;
    private final int candidates;
    private final TimeService time;

    Evolver(GraphStore store, MemoryAgent agent, InstantSource clock, MemoryEvents events, MnemographConfig config,
            TimeService time) {
        this.time = time;
        this.store = store;
        this.agent = agent;
        this.clock = clock;
        this.events = events;
        this.candidates = config.agent().candidates();
    }

    /** Processes these memories (ids in arrival order); failures are logged and leave the memory PENDING. */
    public void process(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            List<MemoryEvents.Event> done = store.write(tx -> evolve(tx, ids));
            events.publishAll(done);
        } catch (RuntimeException batchFailure) {
            if (ids.size() == 1) {
                LOG.warnf(batchFailure, "Memory %s stays pending: the agent's step failed", ids.get(0));
                return;
            }
            for (String id : ids) {
                process(List.of(id));
            }
        }
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

    private List<MemoryEvents.Event> evolve(GraphStore.Tx tx, List<String> ids) {
        List<MemoryEvents.Event> out = new ArrayList<>();
        Instant now = clock.instant();
        Map<String, List<NoteRequest.ScopeTag>> tagsByScope = new HashMap<>();
        Map<String, Set<String>> movedTags = new HashMap<>();
        for (Map<String, Object> row : tx.run("agent/load_pending", Map.of("ids", ids))) {
            String scope = (String) row.get("scope");
            List<NoteRequest.ScopeTag> tags = tagsByScope.get(scope);
            if (tags == null) {
                tx.run("memory/lock_scope", Map.of("scope", scope, "now", now.atZone(ZoneOffset.UTC)));
                tags = scopeTags(tx, scope);
                tagsByScope.put(scope, tags);
            }
            out.addAll(evolveOne(tx, row, tags, now, movedTags.computeIfAbsent(scope, k -> new HashSet<>())));
        }
        // Tag centroids move with every memory but are written once per batch.
        for (var e : movedTags.entrySet()) {
            for (NoteRequest.ScopeTag t : tagsByScope.get(e.getKey())) {
                if (e.getValue().contains(t.name())) {
                    tx.run("agent/set_tag_centroid", Map.of("scope", e.getKey(), "name", t.name(), "centroid", t.centroid()));
                }
            }
        }
        return out;
    }

    private List<MemoryEvents.Event> evolveOne(GraphStore.Tx tx, Map<String, Object> row,
                                               List<NoteRequest.ScopeTag> scopeTags, Instant now,
                                               Set<String> movedTags) {
        String id = (String) row.get("id");
        String scope = (String) row.get("scope");
        String content = (String) row.get("content");
        float[] embedding = floats(row.get("embedding"));
        List<String> givenKeywords = MemoryRows.strings(row.get("keywords"));
        List<String> givenTags = MemoryRows.strings(row.get("tags"));
        Instant occurredAt = MemoryRows.instant(row.get("occurredAt"));
        String sessionId = (String) row.get("sessionId");

        Set<String> words = new LinkedHashSet<>(givenKeywords);
        words.addAll(Words.candidates(content).keySet());
        Map<String, Long> df = new HashMap<>();
        long scopeSize = 1;
        long storeSize = 1;
        for (Map<String, Object> r : tx.run("agent/keyword_frequency", Map.of("scope", scope, "words", List.copyOf(words)))) {
            df.put((String) r.get("word"), (Long) r.get("df"));
            scopeSize = (Long) r.get("scopeSize");
            storeSize = (Long) r.get("storeSize");
        }
        NoteRequest request = new NoteRequest(content, scope, sessionId, occurredAt, embedding, givenKeywords,
                givenTags, df, scopeSize, List.copyOf(scopeTags));
        Note note = bounded(agent.construct(request), givenKeywords, givenTags, content);
        tx.run("agent/write_note", Map.of("id", id, "keywords", note.keywords(), "tags", note.tags(),
                "context", note.context(), "keywordText", String.join(" ", note.keywords())));
        updateTagCentroids(note.tags(), embedding, scopeTags);
        movedTags.addAll(note.tags());

        Map<String, Long> noteDf = new HashMap<>();
        for (String k : note.keywords()) {
            noteDf.put(k, df.getOrDefault(k, 0L) + 1);
        }
        List<Neighbour> neighbours = neighbours(tx, id, scope, embedding, note, scopeSize, storeSize);
        Decisions decisions = agent.decide(new NewMemory(id, content, sessionId, occurredAt, embedding, note),
                neighbours);
        List<MemoryEvents.Event> events = new ArrayList<>();
        events.add(new MemoryEvents.Event("remembered", scope, id, null, null));
        Map<String, Neighbour> offered = new LinkedHashMap<>();
        neighbours.forEach(n -> offered.put(n.id(), n));
        Set<String> linked = new HashSet<>();
        List<Map<String, Object>> links = new ArrayList<>();
        String by = decisions.by() == null ? agent.name() : decisions.by();
        for (Decisions.LinkDecision l : decisions.links()) {
            if (!offered.containsKey(l.targetId()) || linked.size() >= candidates || !linked.add(l.targetId())) {
                continue;
            }
            double strength = Math.max(0.01, Math.min(1.0, Double.isNaN(l.strength()) ? 0.5 : l.strength()));
            Map<String, Object> link = new HashMap<>();
            link.put("to", l.targetId());
            link.put("reason", clip(l.reason(), 300));
            link.put("strength", strength);
            links.add(link);
            events.add(new MemoryEvents.Event("linked", scope, id, l.targetId(), l.reason()));
        }
        if (!links.isEmpty()) {
            tx.run("agent/link_all", Map.of("from", id, "links", links, "by", by,
                    "at", now.atZone(ZoneOffset.UTC)));
        }
        for (Decisions.Evolution e : decisions.evolutions()) {
            Neighbour n = offered.get(e.memoryId());
            if (n == null) {
                continue;
            }
            if (Revisions.apply(tx, n, e, by, now, id)) {
                events.add(new MemoryEvents.Event("evolved", scope, n.id(), id, e.reason()));
            }
        }
        Decisions.Supersede update = decisions.supersede();
        if (update != null && offered.containsKey(update.oldId())) {
            try {
                if (time.supersede(tx, update.oldId(), id, clip(update.reason(), 300), by)) {
                    events.add(new MemoryEvents.Event("superseded", scope, update.oldId(), id, update.reason()));
                }
            } catch (InvalidInputException | NotFoundException refused) {
                LOG.debugf("Update of %s by %s not recorded: %s", update.oldId(), id, refused.getMessage());
            }
        }
        return events;
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

    private List<Neighbour> neighbours(GraphStore.Tx tx, String id, String scope, float[] embedding, Note note,
                                       long scopeSize, long storeSize) {
        Map<String, Object> p = new HashMap<>();
        p.put("scope", scope);
        p.put("id", id);
        p.put("vector", embedding);
        p.put("limit", candidates);
        p.put("k", VectorReach.k(candidates + 1, scopeSize, storeSize));
        p.put("keywords", note.keywords());
        p.put("maxDf", Math.max(3, scopeSize / 8));
        List<Neighbour> out = new ArrayList<>();
        for (Map<String, Object> r : tx.run("agent/candidates", p)) {
            List<String> shared = new ArrayList<>();
            List<Double> rarity = new ArrayList<>();
            @SuppressWarnings("unchecked")
            List<List<Object>> pairs = (List<List<Object>>) r.get("shared");
            for (List<Object> pair : pairs) {
                shared.add((String) pair.get(0));
                long kdf = pair.get(1) == null ? 1 : (Long) pair.get(1);
                rarity.add(Math.log((scopeSize + 1.0) / (kdf + 1.0)) + 1.0);
            }
            out.add(new Neighbour((String) r.get("id"), (String) r.get("content"), (String) r.get("context"),
                    MemoryRows.strings(r.get("keywords")), MemoryRows.strings(r.get("tags")),
                    (String) r.get("sessionId"), MemoryRows.instant(r.get("occurredAt")),
                    ((Number) r.get("similarity")).doubleValue(), shared, rarity));
        }
        out.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
        return out;
    }

    private static List<NoteRequest.ScopeTag> scopeTags(GraphStore.Tx tx, String scope) {
        List<NoteRequest.ScopeTag> tags = new ArrayList<>();
        for (Map<String, Object> r : tx.run("agent/scope_tags", Map.of("scope", scope))) {
            tags.add(new NoteRequest.ScopeTag((String) r.get("name"), r.get("centroid") == null ? null
                    : floats(r.get("centroid")), (Long) r.get("memories")));
        }
        return tags;
    }

    /** Moves each tag's centroid towards the new memory (a running mean) in the batch's copy of the scope's tags. */
    private static void updateTagCentroids(List<String> tags, float[] embedding, List<NoteRequest.ScopeTag> scopeTags) {
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

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    @SuppressWarnings("unchecked")
    static float[] floats(Object o) {
        if (o == null) {
            return new float[0];
        }
        List<Object> list = (List<Object>) o;
        float[] out = new float[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) list.get(i)).floatValue();
        }
        return out;
    }

}
