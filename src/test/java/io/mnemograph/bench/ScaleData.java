package io.mnemograph.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Synthetic memories for the scale benchmark: chat turns ("Name: text") made from a small vocabulary and templates,
 * so the fulltext index sees realistic term statistics (a few frequent words, a long tail of rare place names), and
 * vectors clustered around 200 topic centroids. The centroids are real embeddings of each topic's sentence (computed
 * once, 200 calls), so real questions land among the memories as they would in a real store; each memory's vector is
 * its topic's centroid plus gaussian noise (cosine ~0.85 to the centroid), normalised. Deterministic for a seed.
 */
final class ScaleData {

    static final int SESSION_TURNS = 20;
    static final List<String> NAMES = List.of("Caroline", "Melanie", "Jon", "Gina", "Maria", "John", "Joanna", "Nate",
            "Tim", "Audrey", "Andrew", "Evan", "Sam", "Calvin", "Dave", "Debra", "Jolene", "Deborah", "James", "Priya");
    static final List<String> ACTIVITIES = List.of("painting landscapes", "hiking in the mountains", "baking sourdough bread",
            "running a marathon", "learning the guitar", "adopting a rescue dog", "volunteering at the animal shelter",
            "planting tomatoes", "reading fantasy novels", "fixing the old car", "camping by the lake",
            "taking pottery classes", "studying for the nursing exam", "moving to a new apartment",
            "starting a small bakery business", "training for a triathlon", "cooking Thai curry",
            "visiting my grandparents", "writing poems", "photographing birds", "knitting scarves",
            "practising yoga", "learning Spanish", "building a treehouse", "playing chess online",
            "going to jazz concerts", "restoring vintage furniture", "coaching the kids' soccer team",
            "saving money for a house", "recovering from a knee injury", "organising a charity run",
            "sketching comics", "brewing craft beer", "sailing on the bay", "applying for a new job",
            "teaching my nephew to swim", "decorating the living room", "joining a book club",
            "planning a trip to Japan", "caring for my sick cat");
    static final List<String> CONTEXTS = List.of("with my sister", "after work", "during the summer holidays",
            "for the charity event", "at the community center");
    static final List<String> OPENERS = List.of("I finally started", "Yesterday I spent the whole afternoon",
            "Guess what, I tried", "Lately I have been thinking about", "My friend and I keep talking about",
            "Last week was all about", "I am so proud of", "Honestly I am a bit nervous about",
            "You inspired me to keep", "I can't stop", "It has been tough", "We had so much fun",
            "I want to tell you about", "Remember when I mentioned", "Next month I plan on");
    static final List<String> ADJECTIVES = List.of("amazing", "exhausting", "peaceful", "chaotic", "rewarding",
            "frustrating", "beautiful", "quiet", "busy", "strange", "wonderful", "cold", "sunny", "rainy", "expensive",
            "cheap", "crowded", "lonely", "memorable", "relaxing", "scary", "funny", "colourful", "long", "short");
    static final List<String> NOUNS = List.of("weekend", "morning", "trip", "class", "workshop", "festival", "market",
            "garden", "studio", "park", "trail", "beach", "library", "kitchen", "gym", "museum", "cafe", "harbour",
            "forest", "river");
    static final List<String> QUESTION_TEMPLATES = List.of("What did %s say about %s %s?", "When did %s start %s?",
            "Why does %s enjoy %s?", "How does %s feel about %s %s?", "Where did %s go %s near %s?",
            "Who was %s at %s?", "What happened at %s?", "Has %s ever tried %s %s?", "What does %s think of %s?");
    private static final String[] SYLLABLES = {"vel", "mor", "ka", "tan", "ri", "lo", "sen", "dar", "bel", "quin",
            "thal", "or", "mi", "zu", "gar", "eth", "pol", "nor", "ves", "ca", "lin", "dro", "sa", "bru", "fen"};

    private final Random random;
    private final float[][] centroids;
    private final double noise;
    private final List<String> places = new ArrayList<>();
    private final Map<Integer, List<String>> recentByTopic = new HashMap<>();
    private final Instant start = Instant.parse("2024-01-01T09:00:00Z");

    record Row(Map<String, Object> memory, int topic) {
    }

    record Batch(List<Map<String, Object>> memories, List<Map<String, Object>> sessions,
                 List<Map<String, Object>> keywords, List<Map<String, Object>> links,
                 List<Map<String, Object>> memoryNext, List<Map<String, Object>> sessionNext, String lastSession) {
    }

    /** @param centroids one unit vector per topic (ACTIVITIES × CONTEXTS), in {@link #topicSentence} order */
    ScaleData(long seed, float[][] centroids, double noise, int placeCount) {
        this.random = new Random(seed);
        this.centroids = centroids;
        this.noise = noise;
        Random r = new Random(seed + 1);
        while (places.size() < placeCount) {
            String p = SYLLABLES[r.nextInt(SYLLABLES.length)] + SYLLABLES[r.nextInt(SYLLABLES.length)]
                    + SYLLABLES[r.nextInt(SYLLABLES.length)];
            places.add(Character.toUpperCase(p.charAt(0)) + p.substring(1) + (places.size() % 7 == 0 ? "ville" : ""));
        }
    }

    static int topics() {
        return ACTIVITIES.size() * CONTEXTS.size();
    }

    static String topicSentence(int topic) {
        return "I have been " + ACTIVITIES.get(topic % ACTIVITIES.size()) + " "
                + CONTEXTS.get(topic / ACTIVITIES.size()) + ".";
    }

    /**
     * Memories number {@code from} (inclusive) to {@code from + n}, in sessions of SESSION_TURNS turns; session keys
     * in sessionNext are bare ids (the caller prefixes the scope).
     */
    Batch batch(int from, int n, String previousSession) {
        List<Map<String, Object>> memories = new ArrayList<>(n);
        List<Map<String, Object>> sessions = new ArrayList<>();
        List<Map<String, Object>> keywords = new ArrayList<>(n);
        List<Map<String, Object>> links = new ArrayList<>();
        List<Map<String, Object>> memoryNext = new ArrayList<>();
        List<Map<String, Object>> sessionNext = new ArrayList<>();
        String last = previousSession;
        for (int s0 = from; s0 < from + n; s0 += SESSION_TURNS) {
            int session = s0 / SESSION_TURNS;
            String sessionId = "session_" + session;
            ZonedDateTime begin = start.plus(session * 7L, ChronoUnit.HOURS).atZone(ZoneOffset.UTC);
            String a = NAMES.get(random.nextInt(NAMES.size()));
            String b = NAMES.get(random.nextInt(NAMES.size()));
            int[] sessionTopics = {random.nextInt(topics()), random.nextInt(topics()), random.nextInt(topics())};
            List<String> ids = new ArrayList<>();
            int turns = Math.min(SESSION_TURNS, from + n - s0);
            for (int i = 0; i < turns; i++) {
                int number = s0 + i;
                int topic = sessionTopics[Math.min(2, i * 3 / SESSION_TURNS)];
                String speaker = i % 2 == 0 ? a : b;
                String activity = ACTIVITIES.get(topic % ACTIVITIES.size());
                String context = CONTEXTS.get(topic / ACTIVITIES.size());
                String place = place();
                String adj = pick(ADJECTIVES);
                String noun = pick(NOUNS);
                String content = speaker + ": " + pick(OPENERS) + " " + activity + " " + context + ". The " + adj + " "
                        + noun + " near " + place + " was " + pick(ADJECTIVES) + ".";
                String id = "bench-" + number;
                List<String> kw = List.of(activity.split(" ")[0], place.toLowerCase(), noun);
                Map<String, Object> m = new HashMap<>();
                m.put("id", id);
                m.put("content", content);
                m.put("context", "A conversation turn about " + activity + ".");
                m.put("keywords", kw);
                m.put("keywordText", String.join(" ", kw));
                m.put("sessionId", sessionId);
                m.put("externalId", "D" + session + ":" + (i + 1));
                m.put("occurredAt", begin.plusMinutes(i));
                m.put("embedding", vector(topic));
                memories.add(m);
                keywords.add(Map.of("id", id, "keywords", kw));
                if (!ids.isEmpty()) {
                    memoryNext.add(Map.of("from", ids.get(ids.size() - 1), "to", id));
                }
                ids.add(id);
                // A third of the memories link to an earlier one on the same topic, as the agent's linking would.
                List<String> recent = recentByTopic.computeIfAbsent(topic, t -> new ArrayList<>());
                if (!recent.isEmpty() && random.nextInt(3) == 0) {
                    links.add(Map.of("from", id, "to", recent.get(random.nextInt(recent.size())),
                            "reason", "both about " + activity, "strength", 0.5 + random.nextDouble() * 0.4));
                }
                recent.add(id);
                if (recent.size() > 50) {
                    recent.remove(0);
                }
            }
            Map<String, Object> s = new HashMap<>();
            s.put("id", sessionId);
            s.put("startedAt", begin);
            s.put("endedAt", begin.plusMinutes(turns - 1));
            s.put("ids", ids);
            sessions.add(s);
            if (last != null) {
                sessionNext.add(Map.of("from", last, "to", sessionId));
            }
            last = sessionId;
        }
        return new Batch(memories, sessions, keywords, links, memoryNext, sessionNext, last);
    }

    /**
     * Forgets the recent memories of each topic, so the next batch links only among its own memories: a batch of
     * another scope must not link across scopes.
     */
    void forgetRecent() {
        recentByTopic.clear();
    }

    /** n varied questions in the vocabulary of the memories (names, activities, places). */
    List<String> questions(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = pick(NAMES);
            String activity = pick(ACTIVITIES);
            String context = pick(CONTEXTS);
            String place = place();
            int t = i % QUESTION_TEMPLATES.size();
            String q = switch (t) {
                case 0, 3 -> String.format(QUESTION_TEMPLATES.get(t), name, activity, context);
                case 1, 2, 8 -> String.format(QUESTION_TEMPLATES.get(t), name, activity);
                case 4 -> String.format(QUESTION_TEMPLATES.get(t), name, activity, place);
                case 5 -> String.format(QUESTION_TEMPLATES.get(t), activity, place);
                case 6 -> String.format(QUESTION_TEMPLATES.get(t), place);
                default -> String.format(QUESTION_TEMPLATES.get(t), name, activity, context);
            };
            out.add(q);
        }
        return out;
    }

    /** Place names follow a Zipf-like law: a few common ones, a long tail of rare ones. */
    private String place() {
        double u = random.nextDouble();
        return places.get((int) (Math.pow(u, 2.5) * places.size()));
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    private float[] vector(int topic) {
        float[] c = centroids[topic];
        float[] v = new float[c.length];
        double norm = 0;
        for (int i = 0; i < c.length; i++) {
            v[i] = (float) (c[i] + random.nextGaussian() * noise);
            norm += v[i] * v[i];
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) norm;
        }
        return v;
    }
}
