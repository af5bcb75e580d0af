package io.mnemograph.agent;

import io.mnemograph.embedding.Vectors;
import io.mnemograph.embedding.Embedder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The default agent: deterministic, offline and fast (no model call beyond the embedding the memory already has).
 * Keywords by frequency, rarity in the scope and name-likeness; tags by embedding similarity to the scope's tags and a
 * small vocabulary of broad categories; context by extraction; links by similarity, shared rare keywords and closeness
 * in time; evolution by tag propagation and context enrichment along strong links. Thresholds: docs/agent.md.
 */
public final class HeuristicAgent implements MemoryAgent {

    /** Broad categories a memory can be tagged with when the scope has no similar tag yet. */
    static final List<String> VOCABULARY = List.of("family", "friends", "relationships", "work", "career", "education",
            "school", "travel", "outdoors", "nature", "sports", "fitness", "health", "mental health", "food",
            "cooking", "art", "painting", "music", "books", "movies", "games", "pets", "animals", "home", "money",
            "shopping", "technology", "events", "celebration", "plans", "goals", "emotions", "support",
            "community", "volunteering", "identity", "religion", "politics", "children", "parenting", "weather",
            "cars", "fashion", "photography", "crafts", "gardening", "history", "science", "news");

    static final int MAX_KEYWORDS = 6;
    static final int MAX_LINKS = 4;
    /**
     * Cosine similarity (bge-small-en-v1.5) from which two memories are linked on similarity alone. On the LoCoMo dev
     * conversations, turns that answer one question together have a median cosine of 0.78 and random pairs 0.70, with
     * 10% of random pairs above 0.80: similarity alone is weak evidence, so it takes 0.80.
     */
    static final double LINK_SIMILARITY = 0.80;
    /** Lower bar when they also share a rare keyword or sit in the same session (a quarter of related pairs). */
    static final double LINK_SIMILARITY_WITH_EVIDENCE = 0.72;
    /** A keyword counts as rare in a scope when its idf is at least this (it is in under ~1 in 8 memories). */
    static final double RARE_IDF = 2.0;
    /** Links at least this strong propagate tags and enrich the neighbour's context. */
    static final double EVOLVE_STRENGTH = 0.6;
    static final int MAX_TAGS = 4;
    /**
     * A knowledge update is declared only at high confidence: the new memory says something changed, is very similar
     * to an older one (cosine ≥ 0.86, above 99% of random pairs of a LoCoMo conversation) and shares a name with it.
     */
    static final double UPDATE_SIMILARITY = 0.86;
    static final java.util.regex.Pattern CHANGE = java.util.regex.Pattern.compile(
            "\\b(now|no longer|not anymore|anymore|moved|switched|changed|instead|these days|quit|left)\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    private final Embedder embedder;
    private volatile List<float[]> vocabularyVectors;

    public HeuristicAgent(Embedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public String name() {
        return "heuristic";
    }

    @Override
    public Note construct(NoteRequest r) {
        List<String> tags = tags(r);
        return new Note(keywords(r), tags, context(r.content(), tags));
    }

    List<String> keywords(NoteRequest r) {
        LinkedHashSet<String> out = new LinkedHashSet<>(r.givenKeywords());
        Map<String, Integer> candidates = Words.candidates(r.content());
        long n = Math.max(1, r.scopeSize());
        List<Map.Entry<String, Double>> scored = new ArrayList<>();
        for (var e : candidates.entrySet()) {
            String w = e.getKey();
            long df = r.keywordFrequency().getOrDefault(w, 0L);
            double idf = Math.log((n + 1.0) / (df + 1.0)) + 1.0;
            boolean pair = w.indexOf(' ') > 0;
            double boost = (pair ? 1.3 : 1.0) * (!pair && Words.looksProper(r.content(), w) ? 1.6 : 1.0)
                    * Math.min(1.0, w.length() / 5.0 + 0.4);
            scored.add(Map.entry(w, e.getValue() * idf * boost));
        }
        scored.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        for (var e : scored) {
            if (out.size() >= MAX_KEYWORDS + r.givenKeywords().size()) {
                break;
            }
            out.add(e.getKey());
        }
        return new ArrayList<>(out);
    }

    List<String> tags(NoteRequest r) {
        LinkedHashSet<String> out = new LinkedHashSet<>(r.givenTags());
        if (!out.isEmpty()) {
            return new ArrayList<>(out);
        }
        String best = null;
        double bestScore = -2;
        String second = null;
        double secondScore = -2;
        List<float[]> vocab = vocabularyVectors();
        // Tags the scope already uses win a near tie, so the scope converges on a shared vocabulary.
        for (NoteRequest.ScopeTag t : r.scopeTags()) {
            if (t.centroid() == null) {
                continue;
            }
            double s = Vectors.cosine(r.embedding(), t.centroid()) + 0.02;
            if (s > bestScore) {
                second = best;
                secondScore = bestScore;
                best = t.name();
                bestScore = s;
            } else if (s > secondScore && !t.name().equals(best)) {
                second = t.name();
                secondScore = s;
            }
        }
        for (int i = 0; i < VOCABULARY.size(); i++) {
            String name = VOCABULARY.get(i);
            double s = Vectors.cosine(r.embedding(), vocab.get(i));
            if (name.equals(best)) {
                continue;
            }
            if (s > bestScore) {
                second = best;
                secondScore = bestScore;
                best = name;
                bestScore = s;
            } else if (s > secondScore && !name.equals(second)) {
                second = name;
                secondScore = s;
            }
        }
        if (best != null) {
            out.add(best);
        }
        if (second != null && bestScore - secondScore < 0.02) {
            out.add(second);
        }
        return new ArrayList<>(out);
    }

    static String context(String content, List<String> tags) {
        String speaker = Words.speaker(content);
        String topic = tags.isEmpty() ? null : tags.get(0);
        String sentence = Words.firstSentence(content, 160);
        StringBuilder b = new StringBuilder();
        if (speaker != null) {
            b.append(speaker).append(topic != null ? " on " + topic : "").append(": ");
        } else if (topic != null) {
            b.append("On ").append(topic).append(": ");
        }
        return b.append(sentence).toString();
    }

    @Override
    public Decisions decide(NewMemory m, List<Neighbour> candidates) {
        List<Scored> scored = new ArrayList<>();
        for (Neighbour n : candidates) {
            List<String> rare = new ArrayList<>();
            for (int i = 0; i < n.sharedKeywords().size(); i++) {
                if (n.keywordRarity().get(i) >= RARE_IDF) {
                    rare.add(n.sharedKeywords().get(i));
                }
            }
            boolean close = m.sessionId() != null && m.sessionId().equals(n.sessionId());
            double bar = rare.isEmpty() && !close ? LINK_SIMILARITY : LINK_SIMILARITY_WITH_EVIDENCE;
            double score = n.similarity() + 0.04 * Math.min(3, rare.size()) + (close ? 0.02 : 0);
            if (n.similarity() >= bar) {
                scored.add(new Scored(n, score, rare, close));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        List<Decisions.LinkDecision> links = new ArrayList<>();
        List<Decisions.Evolution> evolutions = new ArrayList<>();
        for (Scored s : scored.subList(0, Math.min(MAX_LINKS, scored.size()))) {
            double strength = Math.min(1.0, Math.max(0.05, (s.n().similarity() - 0.6) / 0.3
                    + 0.1 * Math.min(3, s.rare().size()) + (s.sameSession() ? 0.05 : 0)));
            links.add(new Decisions.LinkDecision(s.n().id(), reason(s), round(strength)));
            // Only the strongest neighbour evolves: enough to carry the new memory's words over, and every change
            // is a revision written on the insert path.
            if (strength >= EVOLVE_STRENGTH && evolutions.isEmpty()) {
                evolve(m, s, strength, evolutions);
            }
        }
        return new Decisions(links, evolutions, update(m, candidates));
    }

    /** The older memory the new one updates, when the evidence is strong (see UPDATE_SIMILARITY); else null. */
    static Decisions.Supersede update(NewMemory m, List<Neighbour> candidates) {
        java.util.regex.Matcher cue = CHANGE.matcher(Words.body(m.content()));
        if (!cue.find()) {
            return null;
        }
        String speaker = Words.speaker(m.content());
        for (Neighbour n : candidates) {
            boolean older = m.occurredAt() == null || n.occurredAt() == null || !n.occurredAt().isAfter(m.occurredAt());
            boolean sameSpeaker = java.util.Objects.equals(speaker, Words.speaker(n.content()));
            List<String> names = n.sharedKeywords().stream()
                    .filter(k -> Words.looksProper(m.content(), k) || Words.looksProper(n.content(), k)).toList();
            if (older && sameSpeaker && !names.isEmpty() && n.similarity() >= UPDATE_SIMILARITY
                    && !CHANGE.matcher(Words.body(n.content())).find()) {
                return new Decisions.Supersede(n.id(), String.format(Locale.ROOT,
                        "update: says '%s', about %s, cosine %.2f to the older memory", cue.group(1).toLowerCase(Locale.ROOT),
                        names, n.similarity()));
            }
        }
        return null;
    }

    private void evolve(NewMemory m, Scored s, double strength, List<Decisions.Evolution> out) {
        Neighbour n = s.n();
        List<String> tags = new ArrayList<>(n.tags());
        for (String t : m.note().tags()) {
            if (!tags.contains(t) && tags.size() < MAX_TAGS) {
                tags.add(t);
            }
        }
        if (!tags.equals(n.tags())) {
            out.add(new Decisions.Evolution(n.id(), "tags", null, tags, String.format(Locale.ROOT,
                    "strongly linked (%.2f) to newer memory %s tagged %s", strength, m.id(), m.note().tags())));
        }
        // The neighbour's context learns the new memory's telling words it lacks, so recall reaches it through them.
        Set<String> known = new LinkedHashSet<>(n.keywords());
        List<String> related = new ArrayList<>();
        for (String k : m.note().keywords()) {
            if (!known.contains(k) && k.indexOf(' ') < 0 && related.size() < 3) {
                related.add(k);
            }
        }
        if (!related.isEmpty() && n.context() != null) {
            String base = n.context().replaceAll(" \\(related: [^)]*\\)$", "");
            String after = base + " (related: " + String.join(", ", related) + ")";
            if (!after.equals(n.context())) {
                out.add(new Decisions.Evolution(n.id(), "context", after, null, String.format(Locale.ROOT,
                        "newer memory %s adds %s to what this one is about", m.id(), related)));
            }
        }
    }

    private static String reason(Scored s) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "similar (cosine %.2f)", s.n().similarity()));
        if (!s.rare().isEmpty()) {
            b.append("; shares ").append(String.join(", ", s.rare().stream().map(k -> "'" + k + "'").toList()));
        }
        if (s.sameSession()) {
            b.append("; same session");
        }
        return b.toString();
    }

    private List<float[]> vocabularyVectors() {
        List<float[]> v = vocabularyVectors;
        if (v == null) {
            synchronized (this) {
                if (vocabularyVectors == null) {
                    vocabularyVectors = embedder.embedAll(VOCABULARY);
                }
                v = vocabularyVectors;
            }
        }
        return v;
    }

    /** Embeds the tag vocabulary now rather than on the first memory. */
    public void warmUp() {
        vocabularyVectors();
    }

    static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }

    private record Scored(Neighbour n, double score, List<String> rare, boolean sameSession) {
    }
}
