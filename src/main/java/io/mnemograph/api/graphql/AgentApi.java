package io.mnemograph.api.graphql;

import io.mnemograph.memory.Memory;
import io.mnemograph.memory.MemoryRules;
import io.mnemograph.memory.NotFoundException;
import io.mnemograph.remember.HistoryService;
import io.mnemograph.remember.MemoryEvents;
import io.mnemograph.remember.MemoryReader;
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
    private final MemoryReader reader;
    private final MemoryEvents events;

    AgentApi(HistoryService history, MemoryReader reader, MemoryEvents events) {
        this.history = history;
        this.reader = reader;
        this.events = events;
    }

    @Description("The memory's links, in both directions, strongest first.")
    public @NonNull List<@NonNull LinkView> links(@Source MemoryView memory) {
        List<HistoryService.LinkInfo> links = history.links(memory.getId());
        Map<String, Memory> others = new HashMap<>();
        reader.getAll(links.stream().map(HistoryService.LinkInfo::memoryId).toList()).forEach(m -> others.put(m.id(), m));
        return links.stream().filter(l -> others.containsKey(l.memoryId()))
                .map(l -> new LinkView(new MemoryView(others.get(l.memoryId())), l.reason(), l.strength(), l.by()))
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
        requireMemory(id);
        return MemoryView.of(reader.getAll(history.neighbors(id, depth == null ? 1 : depth, 1000)));
    }

    @Mutation
    @Description("Links two memories of one scope (or updates their link's reason), by the caller.")
    public @NonNull LinkView link(@Name("from") @NonNull @Id String from, @Name("to") @NonNull @Id String to,
                                  @Name("reason") String reason) {
        HistoryService.LinkInfo l = history.link(from, to, reason);
        return new LinkView(new MemoryView(requireMemory(l.memoryId())), l.reason(), l.strength(), l.by());
    }

    @Mutation
    @Description("Removes the link between two memories; false when there was none.")
    public boolean unlink(@Name("from") @NonNull @Id String from, @Name("to") @NonNull @Id String to) {
        return history.unlink(from, to);
    }

    @Mutation
    @Description("Restores exactly the value a revision replaced; the restoration is itself recorded as a revision.")
    public @NonNull MemoryView revert(@Name("revisionId") @NonNull @Id String revisionId) {
        return new MemoryView(requireMemory(history.revert(revisionId)));
    }

    @Subscription
    @Description("Memory events as they are committed: remembered, linked, evolved, reverted; of one scope or all.")
    public Multi<MemoryEventView> memoryEvents(@Name("scope") String scope) {
        String s = scope == null ? null : MemoryRules.scope(scope);
        return events.stream(s).map(MemoryEventView::new);
    }

    private Memory requireMemory(String id) {
        return reader.get(id).orElseThrow(() -> new NotFoundException("no memory " + id));
    }
}
