package io.mnemograph.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.langchain4j.exception.HttpException;
import io.mnemograph.agent.llm.AgentStats;
import io.mnemograph.agent.llm.AgentStats.Failure;
import io.mnemograph.agent.llm.LinkAnswer;
import io.mnemograph.agent.llm.LlmClient;
import io.mnemograph.agent.llm.NoteAnswer;
import io.mnemograph.agent.llm.Prompt;
import org.jboss.logging.Logger;

import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * The agent backed by a chat model (any OpenAI-compatible endpoint or Ollama): A-MEM's note construction
 * ({@code prompts/note_construction.v1.txt}) and link generation with memory evolution
 * ({@code prompts/link_evolution.v1.txt}), each answered as JSON and validated here. Each memory gets at most
 * {@code budget} model calls; answers are cached by prompt. When the model fails for a step (HTTP error, timeout,
 * malformed or empty JSON, only ids that were not offered) the heuristic agent decides that step instead; the failure
 * is logged on one WARN line and counted ({@link AgentStats}). Whatever this returns, the Evolver validates again.
 */
public final class LlmAgent implements MemoryAgent {

    private static final Logger LOG = Logger.getLogger(LlmAgent.class);
    static final int MAX_KEYWORDS = 10;
    static final int MAX_TAGS = 6;
    static final int MAX_LABEL = 60;
    static final int MAX_CONTEXT = 300;
    static final int MAX_LINKS = 6;
    static final int MAX_UPDATES = 6;
    static final int MAX_REASON = 200;
    static final int MAX_CANDIDATE_TEXT = 600;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, true)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    private final LlmClient client;
    private final HeuristicAgent fallback;
    private final AgentStats stats;
    private final int budget;
    private final Prompt notePrompt = Prompt.load("note_construction", 1);
    private final Prompt linkPrompt = Prompt.load("link_evolution", 1);
    /** Calls left for the memory this thread is processing: construct starts it, decide spends the rest. */
    private final ThreadLocal<int[]> left = new ThreadLocal<>();

    public LlmAgent(LlmClient client, HeuristicAgent fallback, AgentStats stats, int budget) {
        this.client = client;
        this.fallback = fallback;
        this.stats = stats;
        this.budget = Math.max(0, budget);
    }

    @Override
    public boolean callsModel() {
        return true;
    }

    @Override
    public String name() {
        return "llm";
    }

    @Override
    public Note construct(NoteRequest r) {
        int[] calls = {budget};
        left.set(calls);
        String prompt = notePrompt.render(Map.of("content", r.content(), "scopeTagsHint", scopeTagsHint(r),
                "givenHint", givenHint(r)));
        // Keep one call for links and evolution, which are worth more than a second try at the note.
        Note note = ask("note", prompt, calls, budget >= 2 ? 1 : 0, text -> note(text, r));
        return note != null ? note : fallback.construct(r);
    }

    @Override
    public Decisions decide(NewMemory m, List<Neighbour> candidates) {
        int[] calls = left.get();
        left.remove();
        if (calls == null) {
            calls = new int[]{Math.max(0, budget - 1)};
        }
        if (candidates.isEmpty()) {
            return Decisions.none();
        }
        String prompt = linkPrompt.render(Map.of("content", m.content(),
                "context", nullToEmpty(m.note().context()),
                "keywords", String.join(", ", m.note().keywords()),
                "tags", String.join(", ", m.note().tags()),
                "count", String.valueOf(candidates.size()),
                "candidates", candidates(candidates)));
        Decisions d = ask("link", prompt, calls, 0, text -> decisions(text, m, candidates));
        return d != null ? d : fallback.decide(m, candidates).by(fallback.name());
    }

    /** One step: the cached answer, else calls while the budget allows; null when the heuristic must decide. */
    private <T> T ask(String step, String prompt, int[] calls, int reserve, Parser<T> parser) {
        LlmClient.Reply cached = client.cached(prompt);
        if (cached != null) {
            try {
                T value = parser.parse(cached.text());
                stats.cacheHit(step);
                return value;
            } catch (Unusable ignored) {
                // Only usable answers are cached; fall through and ask again.
            }
        }
        Unusable last = null;
        while (calls[0] - reserve > 0) {
            calls[0]--;
            stats.call(step);
            LlmClient.Reply reply;
            try {
                reply = client.call(prompt);
            } catch (RuntimeException e) {
                // Transport failures are not retried: a slow or broken endpoint would only cost the caller more time.
                fail(step, timeout(e) ? Failure.TIMEOUT : Failure.HTTP, describe(e));
                return null;
            }
            try {
                T value = parser.parse(reply.text());
                client.keep(reply);
                return value;
            } catch (Unusable u) {
                last = u;
            }
        }
        if (last != null) {
            fail(step, last.reason, last.getMessage());
        }
        return null;
    }

    private void fail(String step, Failure reason, String detail) {
        stats.failure(step, reason);
        LOG.warnf("LLM agent: %s step fell back to the heuristic agent (%s): %s", step, reason.tag(),
                clip(detail.replaceAll("\\s+", " "), 200));
    }

    Note note(String text, NoteRequest r) throws Unusable {
        NoteAnswer a = read(text, NoteAnswer.class);
        List<String> keywords = labels(a.keywords(), MAX_KEYWORDS);
        List<String> tags = labels(a.tags(), MAX_TAGS);
        String context = a.context() == null ? "" : clip(a.context().strip().replaceAll("\\s+", " "), MAX_CONTEXT);
        if (keywords.isEmpty() && tags.isEmpty() && context.isEmpty()) {
            throw new Unusable(Failure.EMPTY, "the note has no keywords, tags or context");
        }
        // The caller's own labels come first; a part the model left out is filled in by the heuristic.
        LinkedHashSet<String> k = new LinkedHashSet<>(r.givenKeywords());
        k.addAll(keywords.isEmpty() ? fallback.keywords(r) : keywords);
        LinkedHashSet<String> t = new LinkedHashSet<>(r.givenTags());
        t.addAll(tags.isEmpty() ? fallback.tags(r) : tags);
        List<String> tagList = new ArrayList<>(t);
        return new Note(new ArrayList<>(k), tagList,
                context.isEmpty() ? HeuristicAgent.context(r.content(), tagList) : context);
    }

    Decisions decisions(String text, NewMemory m, List<Neighbour> candidates) throws Unusable {
        LinkAnswer a = read(text, LinkAnswer.class);
        if (a.links() == null && a.updates() == null && a.supersedes() == null) {
            throw new Unusable(Failure.EMPTY, "the answer has no links, updates or supersedes");
        }
        Map<String, Neighbour> byId = new LinkedHashMap<>();
        candidates.forEach(n -> byId.put(n.id(), n));
        int notOffered = 0;
        int overLimit = 0;
        List<Decisions.LinkDecision> links = new ArrayList<>();
        Set<String> linked = new LinkedHashSet<>();
        for (LinkAnswer.Link l : a.links() == null ? List.<LinkAnswer.Link>of() : a.links()) {
            Neighbour n = l == null ? null : resolve(l.id(), byId, candidates);
            if (n == null) {
                notOffered++;
                continue;
            }
            if (!linked.add(n.id())) {
                continue;
            }
            if (links.size() >= MAX_LINKS) {
                overLimit++;
                continue;
            }
            double s = l.strength() == null || l.strength().isNaN() ? 0.5 : l.strength();
            links.add(new Decisions.LinkDecision(n.id(), reason(l.reason(), "related, according to the model"),
                    Math.round(Math.max(0.0, Math.min(1.0, s)) * 1000) / 1000.0));
        }
        List<Decisions.Evolution> evolutions = new ArrayList<>();
        int updates = 0;
        for (LinkAnswer.Update u : a.updates() == null ? List.<LinkAnswer.Update>of() : a.updates()) {
            Neighbour n = u == null ? null : resolve(u.id(), byId, candidates);
            if (n == null) {
                notOffered++;
                continue;
            }
            if (updates >= MAX_UPDATES) {
                overLimit++;
                continue;
            }
            updates++;
            String why = reason(u.reason(), "new memory " + m.id() + " adds to it");
            if (u.context() != null && !u.context().isBlank()
                    && !u.context().strip().equals(n.context())) {
                evolutions.add(new Decisions.Evolution(n.id(), "context",
                        clip(u.context().strip().replaceAll("\\s+", " "), MAX_CONTEXT), null, why));
            }
            List<String> tags = labels(u.tags(), MAX_TAGS);
            if (!tags.isEmpty() && !tags.equals(n.tags())) {
                evolutions.add(new Decisions.Evolution(n.id(), "tags", null, tags, why));
            }
        }
        Decisions.Supersede supersede = null;
        if (a.supersedes() != null && a.supersedes().id() != null) {
            Neighbour n = resolve(a.supersedes().id(), byId, candidates);
            if (n == null) {
                notOffered++;
            } else {
                supersede = new Decisions.Supersede(n.id(), reason(a.supersedes().reason(),
                        "the model judged that memory " + m.id() + " updates it"));
            }
        }
        stats.dropped("not_offered", notOffered);
        stats.dropped("over_limit", overLimit);
        if (notOffered > 0 && links.isEmpty() && evolutions.isEmpty()) {
            throw new Unusable(Failure.NOT_OFFERED, notOffered + " id(s) named, none of them offered");
        }
        return new Decisions(links, evolutions, supersede);
    }

    /** A candidate by its id, or by its number in the prompt (1-based), which small models sometimes give. */
    private static Neighbour resolve(String ref, Map<String, Neighbour> byId, List<Neighbour> candidates) {
        if (ref == null) {
            return null;
        }
        String id = ref.strip();
        Neighbour n = byId.get(id);
        if (n == null && id.matches("#?\\d{1,3}")) {
            int i = Integer.parseInt(id.replace("#", ""));
            n = i >= 1 && i <= candidates.size() ? candidates.get(i - 1) : null;
        }
        return n;
    }

    private static <T> T read(String text, Class<T> type) throws Unusable {
        if (text == null || text.isBlank()) {
            throw new Unusable(Failure.EMPTY, "empty answer");
        }
        // Models like to wrap JSON in prose or a code fence: read from the first brace to the last.
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new Unusable(Failure.MALFORMED, "no JSON object in: " + text);
        }
        try {
            T value = JSON.readValue(text.substring(start, end + 1), type);
            if (value == null) {
                throw new Unusable(Failure.EMPTY, "null answer");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new Unusable(Failure.MALFORMED, e.getOriginalMessage());
        }
    }

    private static List<String> labels(List<String> in, int max) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (in != null) {
            // A model that gives "a, b, c" instead of a list still means three labels.
            List<String> parts = in.size() == 1 && in.get(0) != null && in.get(0).contains(",")
                    ? List.of(in.get(0).split(",")) : in;
            for (String s : parts) {
                String v = s == null ? "" : s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
                if (!v.isEmpty() && v.length() <= MAX_LABEL && out.size() < max) {
                    out.add(v);
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static String scopeTagsHint(NoteRequest r) {
        List<String> tags = r.scopeTags().stream()
                .sorted(Comparator.comparingLong(NoteRequest.ScopeTag::memories).reversed()
                        .thenComparing(NoteRequest.ScopeTag::name))
                .limit(20).map(NoteRequest.ScopeTag::name).toList();
        return tags.isEmpty() ? "" : "\n  Prefer tags this memory store already uses, when they fit: "
                + String.join(", ", tags) + ".";
    }

    private static String givenHint(NoteRequest r) {
        if (r.givenKeywords().isEmpty() && r.givenTags().isEmpty()) {
            return "";
        }
        return "\n- The memory already has keywords [" + String.join(", ", r.givenKeywords()) + "] and tags ["
                + String.join(", ", r.givenTags()) + "]; they are kept, add what they miss.";
    }

    private static String candidates(List<Neighbour> candidates) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < candidates.size(); i++) {
            Neighbour n = candidates.get(i);
            b.append(i + 1).append(". id: ").append(n.id()).append('\n')
                    .append("   content: ").append(clip(n.content().replaceAll("\\s+", " "), MAX_CANDIDATE_TEXT))
                    .append('\n')
                    .append("   context: ").append(nullToEmpty(n.context())).append('\n')
                    .append("   keywords: ").append(String.join(", ", n.keywords())).append('\n')
                    .append("   tags: ").append(String.join(", ", n.tags())).append('\n');
        }
        return b.toString().stripTrailing();
    }

    private static String reason(String given, String otherwise) {
        return given == null || given.isBlank() ? otherwise : clip(given.strip().replaceAll("\\s+", " "), MAX_REASON);
    }

    /** Whether the call ran out of time; an answer with an error status never counts, whatever its body says. */
    private static boolean timeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException) {
                return false;
            }
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String msg = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            // The Quarkus REST client reports its timeout as a ProcessingException around a Vert.x timeout.
            if (t instanceof TimeoutException || t instanceof dev.langchain4j.exception.TimeoutException
                    || t instanceof SocketTimeoutException || t.getClass().getSimpleName().contains("Timeout")
                    || msg.contains("timeout") || msg.contains("timed out")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = e.getClass().getSimpleName() + ": " + e.getMessage();
        return root == e ? msg : msg + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    @FunctionalInterface
    private interface Parser<T> {
        T parse(String text) throws Unusable;
    }

    /** An answer that arrived but cannot be used. */
    static final class Unusable extends Exception {
        final Failure reason;

        Unusable(Failure reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }
}
