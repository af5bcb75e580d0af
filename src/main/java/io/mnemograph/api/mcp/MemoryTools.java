package io.mnemograph.api.mcp;

import io.mnemograph.access.Permission;
import io.mnemograph.api.graphql.MemoryAccess;
import io.mnemograph.api.security.Caller;
import io.mnemograph.config.MnemographConfig;
import io.mnemograph.memory.InvalidInputException;
import io.mnemograph.memory.Memory;
import io.mnemograph.memory.MemoryRules;
import io.mnemograph.memory.RecallStrategy;
import io.mnemograph.memory.Recollection;
import io.mnemograph.memory.Session;
import io.mnemograph.recall.RecallService;
import io.mnemograph.remember.HistoryService;
import io.mnemograph.remember.MemoryReader;
import io.mnemograph.remember.RememberService;
import io.mnemograph.time.TimeService;
import io.quarkiverse.mcp.server.TextContent;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The MCP tools (Streamable HTTP at /mcp): what an agent needs of its memory, described for a model. They call the
 * same services as GraphQL, behind the same bearer keys and scope grants; a bad input, a memory outside the key's
 * scopes or a refused permission is a tool error (isError) with the message GraphQL would give.
 */
@Singleton
@Blocking
@ToolErrors
public class MemoryTools {

    private final RememberService remember;
    private final RecallService recall;
    private final TimeService time;
    private final HistoryService history;
    private final MemoryReader reader;
    private final MemoryAccess access;
    private final Caller caller;
    private final MemoryRules rules;

    MemoryTools(RememberService remember, RecallService recall, TimeService time, HistoryService history,
                MemoryReader reader, MemoryAccess access, Caller caller, MnemographConfig config) {
        this.remember = remember;
        this.recall = recall;
        this.time = time;
        this.history = history;
        this.reader = reader;
        this.access = access;
        this.caller = caller;
        this.rules = new MemoryRules(config.limits().maxContentBytes(), config.limits().maxLabels());
    }

    /** A memory as a tool answers it (the structured content). */
    public record MemoryItem(String id, String scope, String content, String context, String occurredAt,
                             String sessionId, String externalId, List<String> keywords, List<String> tags,
                             String status, String validTo) {
        static MemoryItem of(Memory m) {
            return new MemoryItem(m.id(), m.scope(), m.content(), m.context(), iso(m.occurredAt()), m.sessionId(),
                    m.externalId(), m.keywords(), m.tags(), m.status().name(), iso(m.validTo()));
        }
    }

    /** One recalled memory, its score and why it came back. */
    public record RecalledItem(String id, double score, String content, String occurredAt, String sessionId,
                               List<String> reasons) {
    }

    /** A session of a scope. */
    public record SessionItem(String id, String startedAt, String endedAt, long memoryCount) {
    }

    /** A link seen from one end. */
    public record LinkItem(String id, String content, String reason, double strength, String by) {
    }

    @Tool(description = "Store something worth remembering for later: a fact the user told you, a decision, an "
            + "observation, a chat turn. Stored at once with an embedding; Mnemograph then links it to related memories "
            + "and adds keywords and tags. Give externalId to make retries safe (the same externalId in the same scope "
            + "returns the stored memory). Answers the new memory's id.",
            annotations = @Tool.Annotations(title = "Remember", readOnlyHint = false, destructiveHint = false,
                    idempotentHint = false, openWorldHint = false))
    public ToolResponse remember(
            @ToolArg(description = "The text to remember, as you would want to read it later (at most 32 KiB).")
            String content,
            @ToolArg(description = "The memory's namespace: one user, agent or conversation, e.g. 'user-42'. "
                    + "Optional when your key is granted one scope.", required = false) String scope,
            @ToolArg(description = "The episode it belongs to, e.g. a conversation id.", required = false) String sessionId,
            @ToolArg(description = "When it happened, ISO-8601 with an offset (2024-05-01T10:00:00Z); default now.",
                    required = false) String occurredAt,
            @ToolArg(description = "Tags you already know, e.g. ['preference', 'travel'].", required = false) List<String> tags,
            @ToolArg(description = "Keywords you already know.", required = false) List<String> keywords,
            @ToolArg(description = "Your own id for it, unique in the scope: remembering it again changes nothing.",
                    required = false) String externalId) {
        String s = caller.scope(scope, Permission.WRITE);
        Memory m = remember.remember(rules.draft(null, content, s, sessionId, instant("occurredAt", occurredAt),
                externalId, keywords, tags, Map.of()));
        return answer("Remembered " + m.id() + " in scope " + m.scope() + " (occurred " + iso(m.occurredAt()) + ").",
                MemoryItem.of(m));
    }

    @Tool(description = "Find the memories that matter for a question, best first. Each result has a score (about 1 "
            + "is a strong match, below 0.45 usually unrelated), the memory's text, when it happened, and the reasons "
            + "it came back. Use it before answering anything that depends on what you were told earlier.",
            annotations = @Tool.Annotations(title = "Recall", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = false, openWorldHint = false))
    public ToolResponse recall(
            @ToolArg(description = "The question or topic, in natural language.") String query,
            @ToolArg(description = "The scope to search. Optional when your key is granted one scope.", required = false)
            String scope,
            @ToolArg(description = "How many results at most, 1..1000; default 10.", required = false) Integer limit,
            @ToolArg(description = "GRAPH (default, best), HYBRID, VECTOR or FULLTEXT.", required = false) String strategy,
            @ToolArg(description = "Answer as of this moment (ISO-8601): what was true then.", required = false) String at,
            @ToolArg(description = "Leave out results scoring below this, e.g. 0.45 to get nothing when nothing fits.",
                    required = false) Double minScore) {
        var request = recall.request(query, caller.scope(scope, Permission.READ), limit, strategy(strategy),
                instant("at", at), null, null, null, minScore);
        List<Recollection> found = recall.recall(request);
        access.budget().charge(found.size());
        StringBuilder text = new StringBuilder(found.isEmpty() ? "No memory matches." : "");
        List<RecalledItem> items = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Recollection r = found.get(i);
            Memory m = r.memory();
            text.append(i + 1).append(". [").append(String.format(Locale.ROOT, "%.2f", r.score())).append("] ")
                    .append(iso(m.occurredAt())).append(" — ").append(m.content()).append("\n   id ").append(m.id())
                    .append("; why: ").append(String.join("; ", r.reasons())).append('\n');
            items.add(new RecalledItem(m.id(), r.score(), m.content(), iso(m.occurredAt()), m.sessionId(), r.reasons()));
        }
        return answer(text.toString().strip(), Map.of("results", items));
    }

    @Tool(description = "The memories of a scope (or of one session) in the order they happened, oldest first; "
            + "forgotten ones are left out. Use it to replay a conversation or see what happened between two dates.",
            annotations = @Tool.Annotations(title = "Timeline", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = false))
    public ToolResponse timeline(
            @ToolArg(description = "The scope. Optional when your key is granted one scope.", required = false) String scope,
            @ToolArg(description = "Only this session.", required = false) String sessionId,
            @ToolArg(description = "Only memories that happened at or after this (ISO-8601).", required = false) String from,
            @ToolArg(description = "Only memories that happened at or before this (ISO-8601).", required = false) String to,
            @ToolArg(description = "How many at most, 1..1000; default 100.", required = false) Integer limit) {
        List<Memory> memories = time.timeline(caller.scope(scope, Permission.READ), sessionId, instant("from", from),
                instant("to", to), limit);
        access.budget().charge(memories.size());
        StringBuilder text = new StringBuilder(memories.isEmpty() ? "No memories." : "");
        for (Memory m : memories) {
            text.append(iso(m.occurredAt())).append(" — ").append(m.content()).append("  (id ").append(m.id())
                    .append(m.sessionId() == null ? "" : ", session " + m.sessionId()).append(")\n");
        }
        return answer(text.toString().strip(), Map.of("memories", memories.stream().map(MemoryItem::of).toList()));
    }

    @Tool(description = "Forget a memory. By default it is archived: out of recall and timelines, and back with "
            + "restore. With hard=true it is erased with every trace of its text (use it when asked to delete "
            + "something for good). Answers whether anything changed.",
            annotations = @Tool.Annotations(title = "Forget", readOnlyHint = false, destructiveHint = true,
                    idempotentHint = true, openWorldHint = false))
    public ToolResponse forget(
            @ToolArg(description = "The memory's id.") String id,
            @ToolArg(description = "Erase it for good instead of archiving; default false.", required = false) Boolean hard) {
        access.require(id, Permission.FORGET);
        boolean changed = time.forget(id, Boolean.TRUE.equals(hard));
        return answer((changed ? (Boolean.TRUE.equals(hard) ? "Erased " : "Archived ") : "Already archived: ") + id + ".",
                Map.of("changed", changed));
    }

    @Tool(description = "Bring back a memory that was forgotten softly (archived).",
            annotations = @Tool.Annotations(title = "Restore", readOnlyHint = false, destructiveHint = false,
                    idempotentHint = true, openWorldHint = false))
    public ToolResponse restore(@ToolArg(description = "The memory's id.") String id) {
        access.require(id, Permission.FORGET);
        Memory m = time.restore(id);
        return answer("Restored " + id + ": " + m.content(), MemoryItem.of(m));
    }

    @Tool(description = "One memory by id with its note (context, keywords, tags), its validity and its links to "
            + "related memories, each with the reason it was linked.",
            annotations = @Tool.Annotations(title = "Memory", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = false))
    public ToolResponse memory(@ToolArg(description = "The memory's id.") String id) {
        Memory m = access.require(id, Permission.READ);
        List<HistoryService.LinkInfo> links = history.links(id);
        access.budget().charge(links.size());
        List<LinkItem> items = new ArrayList<>();
        for (Memory other : reader.getAll(links.stream().map(HistoryService.LinkInfo::memoryId).toList())) {
            if (caller.allows(other.scope(), Permission.READ)) {
                HistoryService.LinkInfo l = links.stream().filter(x -> x.memoryId().equals(other.id())).findFirst().orElseThrow();
                items.add(new LinkItem(other.id(), other.content(), l.reason(), l.strength(), l.by()));
            }
        }
        StringBuilder text = new StringBuilder(iso(m.occurredAt()) + " — " + m.content());
        if (m.context() != null) {
            text.append("\ncontext: ").append(m.context());
        }
        text.append("\nkeywords: ").append(String.join(", ", m.keywords())).append("\ntags: ")
                .append(String.join(", ", m.tags())).append("\nstatus: ").append(m.status());
        if (m.validTo() != null) {
            text.append(", true until ").append(iso(m.validTo()));
        }
        if (!m.mentions().isEmpty()) {
            text.append("\nevent times: ").append(String.join("; ", m.mentions().stream()
                    .map(t -> t.text() + " = " + t.days()).toList()));
        }
        for (LinkItem l : items) {
            text.append("\nlinked to ").append(l.id()).append(" (").append(l.reason()).append("): ").append(l.content());
        }
        return answer(text.toString(), Map.of("memory", MemoryItem.of(m), "links", items));
    }

    @Tool(description = "Record that a newer memory updates an older one (a knowledge update: a new address, a "
            + "changed preference). The older one stays, true until the newer happened, so 'what was true then' still "
            + "finds it; recall now prefers the newer.",
            annotations = @Tool.Annotations(title = "Supersede", readOnlyHint = false, destructiveHint = false,
                    idempotentHint = true, openWorldHint = false))
    public ToolResponse supersede(
            @ToolArg(description = "The id of the memory that is no longer true.") String oldId,
            @ToolArg(description = "The id of the memory that replaces it (same scope).") String newId,
            @ToolArg(description = "Why, in a few words.", required = false) String reason) {
        access.require(oldId, Permission.WRITE);
        access.require(newId, Permission.WRITE);
        Memory m = time.supersede(oldId, newId, reason);
        return answer(newId + " now supersedes " + oldId + ".", MemoryItem.of(m));
    }

    @Tool(description = "The sessions (episodes, conversations) of a scope in the order they started, with how many "
            + "memories each holds.",
            annotations = @Tool.Annotations(title = "Sessions", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = false))
    public ToolResponse sessions(
            @ToolArg(description = "The scope. Optional when your key is granted one scope.", required = false) String scope) {
        List<Session> sessions = time.sessions(caller.scope(scope, Permission.READ));
        StringBuilder text = new StringBuilder(sessions.isEmpty() ? "No sessions." : "");
        for (Session s : sessions) {
            text.append(s.id()).append(": ").append(iso(s.startedAt())).append(" to ").append(iso(s.endedAt()))
                    .append(", ").append(s.memoryCount()).append(" memories\n");
        }
        return answer(text.toString().strip(), Map.of("sessions", sessions.stream().map(x -> new SessionItem(x.id(),
                iso(x.startedAt()), iso(x.endedAt()), x.memoryCount())).toList()));
    }

    private static ToolResponse answer(String text, Object structured) {
        return new ToolResponse(false, List.of(new TextContent(text)), structured, null);
    }

    private static RecallStrategy strategy(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return RecallStrategy.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("strategy '" + MemoryRules.abbreviate(s) + "' is not one of GRAPH, HYBRID, "
                    + "VECTOR, FULLTEXT");
        }
    }

    private static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name + " '" + MemoryRules.abbreviate(text) + "' is not an ISO-8601 date-time "
                    + "with an offset, such as 2024-05-01T10:00:00Z");
        }
    }

    private static String iso(Instant t) {
        return t == null ? null : t.toString();
    }
}
