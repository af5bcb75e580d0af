package io.mnemograph.api.graphql;

import io.mnemograph.access.ApiKeys;
import io.mnemograph.access.Grants;
import io.mnemograph.access.Permission;
import io.mnemograph.api.security.Caller;
import io.mnemograph.memory.Memory;
import io.mnemograph.memory.NotFoundException;
import io.mnemograph.remember.HistoryService;
import io.mnemograph.remember.MemoryEvents;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The graph the agent builds: links, revisions, neighbours, and the caller's own hand in them. */
@GraphQLApi
@Blocking
public class AgentApi {

    private final HistoryService history;
    private final MemoryAccess access;
    private final Caller caller;
    private final MemoryEvents events;
    private final ApiKeys keys;

    AgentApi(HistoryService history, MemoryAccess access, Caller caller, MemoryEvents events, ApiKeys keys) {
        this.history = history;
        this.access = access;
        this.caller = caller;
        this.events = events;
        this.keys = keys;
    }

    @Description("The memory's links, in both directions, strongest first.")
    public @NonNull List<@NonNull LinkView> links(@Source MemoryView memory) {
        List<HistoryService.LinkInfo> links = history.links(memory.getId());
        Map<String, MemoryView> others = new HashMap<>();
        access.readable(links.stream().map(HistoryService.LinkInfo::memoryId).toList())
                .forEach(m -> others.put(m.getId(), m));
        return links.stream().filter(l -> others.containsKey(l.memoryId()))
                .map(l -> new LinkView(others.get(l.memoryId()), l.reason(), l.strength(), l.by()))
                .toList();
    }

    @Description("Every change made to this memory after it was stored, newest first.")
    public @NonNull List<@NonNull RevisionView> revisions(@Source MemoryView memory) {
        return history.revisions(memory.getId()).stream().map(RevisionView::new).toList();
    }

    @Query
    @Description("Memories within depth (1..3, default 1) link hops of a memory, nearest first.")
    public @NonNull List<@NonNull MemoryView> neighbors(@Name("id") @NonNull @Id String id,
                                                        @Name("depth") Integer depth) {
        access.require(id, Permission.READ);
        return access.readable(history.neighbors(id, depth == null ? 1 : depth, 1000));
    }

    @Mutation
    @Description("Links two memories of one scope (or updates their link's reason), by the caller.")
    public @NonNull LinkView link(@Name("from") @NonNull @Id String from, @Name("to") @NonNull @Id String to,
                                  @Name("reason") String reason) {
        access.require(from, Permission.WRITE);
        Memory other = access.require(to, Permission.WRITE);
        HistoryService.LinkInfo l = history.link(from, to, reason);
        return new LinkView(new MemoryView(other), l.reason(), l.strength(), l.by());
    }

    @Mutation
    @Description("Removes the link between two memories; false when there was none.")
    public boolean unlink(@Name("from") @NonNull @Id String from, @Name("to") @NonNull @Id String to) {
        // A memory the caller may not write is treated as one that does not exist: there is no link to remove.
        try {
            access.require(from, Permission.WRITE);
            access.require(to, Permission.WRITE);
        } catch (NotFoundException e) {
            return false;
        }
        return history.unlink(from, to);
    }

    @Mutation
    @Description("Restores exactly the value a revision replaced; the restoration is itself recorded as a revision.")
    public @NonNull MemoryView revert(@Name("revisionId") @NonNull @Id String revisionId) {
        NotFoundException none = new NotFoundException("no revision " + revisionId);
        String memoryId = history.revisionMemory(revisionId).orElseThrow(() -> none);
        try {
            access.require(memoryId, Permission.WRITE);
        } catch (NotFoundException e) {
            throw none;
        }
        history.revert(revisionId);
        return new MemoryView(access.require(memoryId, Permission.WRITE));
    }

    @Subscription
    @Description("Memory events as they are committed: remembered, linked, evolved, reverted; of one scope or all.")
    public Multi<MemoryEventView> memoryEvents(@Name("scope") String scope) {
        Grants grants = caller.grants();
        String s = scope == null ? null : caller.scope(scope, Permission.READ);
        KeyWatch watch = new KeyWatch(grants.keyId());
        return events.stream(s).filter(e -> grants.allows(e.scope(), Permission.READ) && watch.active())
                .map(MemoryEventView::new);
    }

    /** A subscription's key, checked again at most once a second: a key revoked meanwhile stops receiving events. */
    private final class KeyWatch {
        private final String keyId;
        private long checkedAt = System.nanoTime();
        private boolean active = true;

        KeyWatch(String keyId) {
            this.keyId = keyId;
        }

        synchronized boolean active() {
            if (keyId != null && active && System.nanoTime() - checkedAt > 1_000_000_000L) {
                active = keys.active(keyId);
                checkedAt = System.nanoTime();
            }
            return active;
        }
    }
}
