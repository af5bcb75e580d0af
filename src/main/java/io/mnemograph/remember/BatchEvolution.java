package io.mnemograph.remember;

import io.mnemograph.embedding.Vectors;
import io.mnemograph.agent.Decisions;
import io.mnemograph.agent.MemoryAgent;
import io.mnemograph.agent.NewMemory;
import io.mnemograph.agent.Neighbour;
import io.mnemograph.agent.Note;
import io.mnemograph.agent.NoteRequest;
import io.mnemograph.agent.Words;
import io.mnemograph.graph.GraphStore;
import io.mnemograph.graph.MemoryVectors;
import io.mnemograph.graph.Values;
import io.mnemograph.memory.InvalidInputException;
import io.mnemograph.memory.MemoryRows;
import io.mnemograph.memory.TimeExpressions;
import io.mnemograph.memory.NotFoundException;
import io.mnemograph.memory.VectorReach;
import io.mnemograph.time.TimeService;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agent's step for the new memories of one scope in one batch, in arrival order: each memory sees the scope as it
 * would had the memories before it been processed one by one (their notes, links and evolutions included), but the
 * graph is read and written a handful of statements per batch rather than per memory. The caller holds the scope's
 * lock and commits.
 */
final class BatchEvolution {

    private static final Logger LOG = Logger.getLogger(BatchEvolution.class);

    private final GraphStore.Tx tx;
    private final MemoryAgent agent;
    private final TimeService time;
    private final MemoryVectors embeddings;
    private final int limit;
    private final String scope;
    private final Instant now;
    private final List<Item> items = new ArrayList<>();
    /** Context and tags of memories outside the batch as this batch has changed them so far. */
    private final Map<String, State> evolved = new HashMap<>();
    private final Map<String, Long> df = new HashMap<>();
    /**
     * Tags some caller gave: the agent does not offer them to other memories, whose notes would otherwise carry the
     * caller's words (and keep them after that memory is erased).
     */
    private final Set<String> callerTags = new HashSet<>();
    private final Map<String, Item> byId = new HashMap<>();
    private long scopeSize = 1;
    private long storeSize = 1;

    /** A new memory of the batch and its note as it stands. */
    private static final class Item {
        final int index;
        final String id;
        final String content;
        final float[] embedding;
        final List<String> givenKeywords;
        final List<String> givenTags;
        final Instant occurredAt;
        final String sessionId;
        final long seq;
        Note note;
        String context;
        List<String> tags;
        /** df of the note's keywords when it was written (its own count included), as a one-by-one run sees it. */
        Map<String, Long> noteDf;
        List<String> rare;
        final List<MemoryEvents.Event> events = new ArrayList<>();

        Item(int index, Map<String, Object> row) {
            this.index = index;
            this.id = (String) row.get("id");
            this.content = (String) row.get("content");
            this.embedding = (float[]) row.get("embedding");
            this.givenKeywords = MemoryRows.strings(row.get("keywords"));
            this.givenTags = MemoryRows.strings(row.get("tags"));
            this.occurredAt = MemoryRows.instant(row.get("occurredAt"));
            this.sessionId = (String) row.get("sessionId");
            this.seq = row.get("seq") == null ? 0 : ((Number) row.get("seq")).longValue();
        }
    }

    private record State(String context, List<String> tags) {
    }

    /** A knowledge update the agent decided for an item, recorded after the batch's links and revisions. */
    private record Update(Item item, Decisions.Supersede supersede, String by) {
    }

    BatchEvolution(GraphStore.Tx tx, MemoryAgent agent, TimeService time, MemoryVectors embeddings, int limit,
                   String scope, Instant now, List<Map<String, Object>> rows) {
        this.tx = tx;
        this.embeddings = embeddings;
        this.agent = agent;
        this.time = time;
        this.limit = limit;
        this.scope = scope;
        this.now = now;
        for (Map<String, Object> row : rows) {
            Item item = new Item(items.size(), row);
            items.add(item);
            byId.put(item.id, item);
        }
    }

    /** Runs the agent over the batch and writes what it decided; returns the events to publish after commit. */
    List<MemoryEvents.Event> run() {
        List<NoteRequest.ScopeTag> scopeTags = readScope();
        Set<String> movedTags = new HashSet<>();
        for (Item item : items) {
            construct(item, scopeTags);
            movedTags.addAll(item.note.tags());
        }
        Map<Integer, List<Map<String, Object>>> found = candidates();
        List<Map<String, Object>> links = new ArrayList<>();
        List<Map<String, Object>> revisions = new ArrayList<>();
        List<Update> updates = new ArrayList<>();
        for (Item item : items) {
            decide(item, found.getOrDefault(item.index, List.of()), links, revisions, updates);
        }
        write(scopeTags, movedTags, links);
        Revisions.writeAll(tx, revisions);
        for (Update u : updates) {
            supersede(u.item(), u.supersede(), u.by());
        }
        List<MemoryEvents.Event> out = new ArrayList<>();
        items.forEach(i -> out.addAll(i.events));
        return out;
    }

    /** The scope's tags, and the keyword counts of every word the batch's notes may use (into {@link #df}). */
    private List<NoteRequest.ScopeTag> readScope() {
        Set<String> words = new LinkedHashSet<>();
        for (Item item : items) {
            words.addAll(item.givenKeywords);
            words.addAll(Words.candidates(item.content).keySet());
        }
        List<NoteRequest.ScopeTag> tags = new ArrayList<>();
        long last = lastSeq();
        for (Map<String, Object> r : tx.run("agent/scope_state", Map.of("scope", scope, "words", List.copyOf(words)))) {
            if ("tag".equals(r.get("kind"))) {
                if (Boolean.TRUE.equals(r.get("byCaller"))) {
                    callerTags.add((String) r.get("name"));
                }
                tags.add(new NoteRequest.ScopeTag((String) r.get("name"), r.get("centroid") == null ? null
                        : Values.floats(r.get("centroid")), (Long) r.get("df")));
                continue;
            }
            if (r.get("name") != null) {
                df.put((String) r.get("name"), (Long) r.get("df"));
            }
            // memories another writer stored after this batch (between its two transactions) arrived later
            long later = r.get("seq") == null || last == 0 ? 0 : Math.max(0, (Long) r.get("seq") - last);
            scopeSize = Math.max(items.size(), (Long) r.get("scopeSize") - later);
            storeSize = (Long) r.get("storeSize");
        }
        return tags;
    }

    private void construct(Item item, List<NoteRequest.ScopeTag> scopeTags) {
        Map<String, Long> frequency = new HashMap<>();
        for (String w : item.givenKeywords) {
            frequency.put(w, df.getOrDefault(w, 0L));
        }
        for (String w : Words.candidates(item.content).keySet()) {
            frequency.put(w, df.getOrDefault(w, 0L));
        }
        NoteRequest request = new NoteRequest(item.content, scope, item.sessionId, item.occurredAt, item.embedding,
                item.givenKeywords, item.givenTags, frequency, scopeSize,
                scopeTags.stream().filter(t -> !callerTags.contains(t.name())).toList());
        Note note = Evolver.bounded(agent.construct(request), item.givenKeywords, item.givenTags, item.content);
        item.note = new Note(note.keywords(), note.tags(), Evolver.withMentions(note.context(),
                TimeExpressions.mentions(item.content, item.occurredAt)));
        item.context = item.note.context();
        item.tags = item.note.tags();
        item.noteDf = new HashMap<>();
        item.rare = new ArrayList<>();
        long maxDf = Math.max(3, scopeSize / 8);
        for (String k : item.note.keywords()) {
            long n = df.merge(k, 1L, Long::sum);
            item.noteDf.put(k, n);
            if (n <= maxDf) {
                item.rare.add(k);
            }
        }
        Evolver.updateTagCentroids(item.note.tags(), item.embedding, scopeTags);
        callerTags.addAll(item.givenTags);
    }

    /** Candidates from the graph for every item in one statement (memories of the batch left out), by item index. */
    private Map<Integer, List<Map<String, Object>>> candidates() {
        int k = VectorReach.k(limit + items.size(), scopeSize, storeSize);
        Map<String, List<String>> near = embeddings.searchable() ? nearestInProcess()
                : scanIsCheaper(k) ? nearestByScan() : null;
        List<Map<String, Object>> params = new ArrayList<>();
        for (Item item : items) {
            Map<String, Object> p = new HashMap<>();
            p.put("i", item.index);
            p.put("vector", item.embedding);
            p.put("rare", item.rare);
            p.put("near", near == null ? List.of() : near.get(item.id));
            params.add(p);
        }
        Map<String, Object> p = new HashMap<>();
        p.put("scope", scope);
        p.put("items", params);
        p.put("batch", items.stream().map(i -> i.id).toList());
        p.put("limit", limit);
        p.put("k", near == null ? k : -1);
        p.put("before", firstSeq());
        Map<Integer, List<Map<String, Object>>> out = new HashMap<>();
        List<Map<String, Object>> rows = tx.run("agent/candidates", p);
        Map<String, float[]> vectors = embeddings.get(tx, scope, rows.stream().map(r -> (String) r.get("id"))
                .collect(java.util.stream.Collectors.toSet()));
        for (Map<String, Object> r : rows) {
            Map<String, Object> row = new HashMap<>(r);
            int i = ((Number) r.get("i")).intValue();
            row.put("similarity", Vectors.cosine(items.get(i).embedding, vectors.get((String) r.get("id"))));
            out.computeIfAbsent(i, x -> new ArrayList<>()).add(row);
        }
        return out;
    }

    /**
     * Whether comparing the item with every memory of the scope here costs less than one index query per item.
     * Measured on 2 cores: reading a member's id ~2 µs, a cosine against a cached embedding ~0.4 µs (a cache miss
     * costs ~8 µs once), an index query with k over-fetched ~0.3 ms + 15 µs per hit (more with many Lucene
     * segments); an index query that would have to reach past MAX_INDEX_K always loses.
     */
    private boolean scanIsCheaper(int k) {
        long others = Math.max(0, scopeSize - items.size());
        return k < 0 || others * (2.0 + 0.4 * items.size()) <= items.size() * (300.0 + 15.0 * k);
    }

    /**
     * The ids of each item's nearest memories of the scope that arrived before the batch, from the in-process index
     * (embedded mode): a few more than {@code limit}, for the forgotten ones the statement leaves out.
     */
    private Map<String, List<String>> nearestInProcess() {
        Set<String> batch = new HashSet<>(byId.keySet());
        Map<String, List<String>> out = new HashMap<>();
        // ids only, in int8 order: the agent compares the vectors itself, so no exact vector is read from the graph
        // (issue 15: those reads were a quarter of the agent's time); one pass over a large scope's codes for all
        List<List<MemoryVectors.Hit>> hits = embeddings.nearestEach(tx, scope,
                items.stream().map(i -> i.embedding).toList(), limit + items.size() + 4, firstSeq());
        for (int j = 0; j < items.size(); j++) {
            Item item = items.get(j);
            List<String> nearest = new ArrayList<>();
            for (MemoryVectors.Hit h : hits.get(j)) {
                if (!batch.contains(h.id()) && nearest.size() < limit + 4) {
                    nearest.add(h.id());
                }
            }
            out.put(item.id, nearest);
        }
        return out;
    }

    /** The ids of each item's nearest {@code limit} memories of the scope, by an exact pass over their embeddings. */
    private Map<String, List<String>> nearestByScan() {
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> r : tx.run("agent/scope_members", Map.of("scope", scope,
                "batch", items.stream().map(i -> i.id).toList(), "before", firstSeq()))) {
            ids.add((String) r.get("id"));
        }
        Map<String, float[]> byId = embeddings.get(tx, scope, ids);
        List<float[]> vectors = ids.stream().map(byId::get).toList();
        Map<String, List<String>> out = new HashMap<>();
        for (Item item : items) {
            java.util.PriorityQueue<double[]> best = new java.util.PriorityQueue<>(Comparator.comparingDouble(a -> a[0]));
            for (int j = 0; j < vectors.size(); j++) {
                best.add(new double[] {Vectors.cosine(item.embedding, vectors.get(j)), j});
                if (best.size() > limit) {
                    best.poll();
                }
            }
            List<String> nearest = new ArrayList<>();
            best.forEach(b -> nearest.add(ids.get((int) b[1])));
            out.put(item.id, nearest);
        }
        return out;
    }

    private void decide(Item item, List<Map<String, Object>> rows, List<Map<String, Object>> links,
                        List<Map<String, Object>> revisions, List<Update> updates) {
        List<Neighbour> neighbours = neighbours(item, rows);
        Decisions decisions = agent.decide(new NewMemory(item.id, item.content, item.sessionId, item.occurredAt,
                item.embedding, item.note), neighbours);
        // per item: the LLM agent may fall back to the heuristic one for some memories of a batch
        String decidedBy = decisions.by() == null ? agent.name() : decisions.by();
        item.events.add(new MemoryEvents.Event("remembered", scope, item.id, null, null));
        Map<String, Neighbour> offered = new LinkedHashMap<>();
        neighbours.forEach(n -> offered.put(n.id(), n));
        Set<String> linked = new HashSet<>();
        for (Decisions.LinkDecision l : decisions.links()) {
            if (!offered.containsKey(l.targetId()) || linked.size() >= limit || !linked.add(l.targetId())) {
                continue;
            }
            double strength = Math.max(0.01, Math.min(1.0, Double.isNaN(l.strength()) ? 0.5 : l.strength()));
            Map<String, Object> link = new HashMap<>();
            link.put("from", item.id);
            link.put("to", l.targetId());
            link.put("reason", Evolver.clip(l.reason(), 300));
            link.put("strength", strength);
            link.put("by", decidedBy);
            links.add(link);
            item.events.add(new MemoryEvents.Event("linked", scope, item.id, l.targetId(), l.reason()));
        }
        for (Decisions.Evolution e : decisions.evolutions()) {
            Neighbour n = offered.get(e.memoryId());
            if (n == null) {
                continue;
            }
            Map<String, Object> revision = Revisions.plan(n.id(), n.context(), n.tags(), e, decidedBy, now, item.id);
            if (revision == null) {
                continue;
            }
            revisions.add(revision);
            String context = "context".equals(revision.get("field")) ? (String) revision.get("value") : n.context();
            @SuppressWarnings("unchecked")
            List<String> tags = "tags".equals(revision.get("field")) ? (List<String>) revision.get("list") : n.tags();
            Item member = byId.get(n.id());
            if (member != null) {
                member.context = context;
                member.tags = tags;
            } else {
                evolved.put(n.id(), new State(context, tags));
            }
            item.events.add(new MemoryEvents.Event("evolved", scope, n.id(), item.id, e.reason()));
        }
        if (decisions.supersede() != null && offered.containsKey(decisions.supersede().oldId())) {
            updates.add(new Update(item, decisions.supersede(), decidedBy));
        }
    }

    /**
     * What the agent is offered for one item: the graph's candidates (as this batch has evolved them) and the items
     * before it, each the nearest {@code limit} by embedding plus those sharing a rare keyword; most similar first.
     */
    private List<Neighbour> neighbours(Item item, List<Map<String, Object>> rows) {
        List<Neighbour> byVector = new ArrayList<>();
        List<Neighbour> byKeyword = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            String id = (String) r.get("id");
            State s = evolved.getOrDefault(id, new State((String) r.get("context"), MemoryRows.strings(r.get("tags"))));
            Neighbour n = neighbour(item, id, (String) r.get("content"), s.context(), MemoryRows.strings(r.get("keywords")),
                    s.tags(), (String) r.get("sessionId"), MemoryRows.instant(r.get("occurredAt")),
                    ((Number) r.get("similarity")).doubleValue());
            (((Number) r.get("byVector")).intValue() == 1 ? byVector : byKeyword).add(n);
        }
        for (Item earlier : items.subList(0, item.index)) {
            Neighbour n = neighbour(item, earlier.id, earlier.content, earlier.context, earlier.note.keywords(),
                    earlier.tags, earlier.sessionId, earlier.occurredAt, Vectors.cosine(item.embedding, earlier.embedding));
            byVector.add(n);
            if (byKeyword.size() < limit && earlier.note.keywords().stream().anyMatch(item.rare::contains)) {
                byKeyword.add(n);
            }
        }
        Comparator<Neighbour> mostSimilar = (a, b) -> Double.compare(b.similarity(), a.similarity());
        byVector.sort(mostSimilar);
        Map<String, Neighbour> out = new LinkedHashMap<>();
        byVector.stream().limit(limit).forEach(n -> out.put(n.id(), n));
        byKeyword.forEach(n -> out.putIfAbsent(n.id(), n));
        List<Neighbour> list = new ArrayList<>(out.values());
        list.sort(mostSimilar);
        return list;
    }

    private Neighbour neighbour(Item item, String id, String content, String context, List<String> keywords,
                                List<String> tags, String sessionId, Instant occurredAt, double similarity) {
        List<String> shared = new ArrayList<>();
        for (String k : item.note.keywords()) {
            if (keywords.contains(k)) {
                shared.add(k);
            }
        }
        shared.sort(Comparator.comparingLong(k -> item.noteDf.getOrDefault(k, 1L)));
        List<Double> rarity = shared.stream()
                .map(k -> Math.log((scopeSize + 1.0) / (item.noteDf.getOrDefault(k, 1L) + 1.0)) + 1.0).toList();
        return new Neighbour(id, content, context, keywords, tags, sessionId, occurredAt, similarity, shared, rarity);
    }

    /** The batch's notes, the tag centroids it moved (once per batch, not per memory) and its links. */
    private void write(List<NoteRequest.ScopeTag> scopeTags, Set<String> movedTags, List<Map<String, Object>> links) {
        List<Map<String, Object>> notes = new ArrayList<>();
        for (Item item : items) {
            notes.add(Map.of("id", item.id, "keywords", item.note.keywords(), "tags", item.note.tags(),
                    "given", item.givenTags, "context", item.note.context(),
                    "keywordText", String.join(" ", item.note.keywords())));
        }
        tx.run("agent/write_note", Map.of("notes", notes));
        List<Map<String, Object>> tags = new ArrayList<>();
        for (NoteRequest.ScopeTag t : scopeTags) {
            if (movedTags.contains(t.name())) {
                tags.add(Map.of("name", t.name(), "centroid", t.centroid()));
            }
        }
        if (!tags.isEmpty()) {
            tx.run("agent/set_tag_centroid", Map.of("scope", scope, "tags", tags));
        }
        if (!links.isEmpty()) {
            tx.run("agent/link_all", Map.of("links", links, "at", now.atZone(ZoneOffset.UTC)));
        }
    }

    private void supersede(Item item, Decisions.Supersede update, String by) {
        try {
            if (time.supersede(tx, update.oldId(), item.id, Evolver.clip(update.reason(), 300), by)) {
                item.events.add(new MemoryEvents.Event("superseded", scope, update.oldId(), item.id, update.reason()));
            }
        } catch (InvalidInputException | NotFoundException refused) {
            LOG.debugf("Update of %s by %s not recorded: %s", update.oldId(), item.id, refused.getMessage());
        }
    }

    /** The arrival number of the batch's first memory: candidates come from before it. */
    private long firstSeq() {
        long first = items.stream().mapToLong(i -> i.seq).min().orElse(0);
        return first == 0 ? Long.MAX_VALUE : first;
    }

    private long lastSeq() {
        return items.stream().mapToLong(i -> i.seq).max().orElse(0);
    }

}
