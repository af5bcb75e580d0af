package io.mnemograph.api.graphql;

import io.mnemograph.access.Permission;
import io.mnemograph.api.security.Caller;
import io.mnemograph.memory.NotFoundException;
import io.mnemograph.memory.TimelineOrder;
import io.mnemograph.time.TimeService;
import io.smallrye.common.annotation.Blocking;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Time: knowledge updates, event order, timelines, and forgetting. */
@GraphQLApi
@Blocking
public class TimeApi {

    private final TimeService time;
    private final MemoryAccess access;
    private final Caller caller;

    TimeApi(TimeService time, MemoryAccess access, Caller caller) {
        this.time = time;
        this.access = access;
        this.caller = caller;
    }

    @Mutation
    @Description("Records that the newer memory updates the older one (a knowledge update) and returns the newer. "
            + "The older one stays, true until the newer happened (its validTo); as-of recall still finds it.")
    public @NonNull MemoryView supersede(@Name("oldId") @NonNull @Id String oldId,
                                         @Name("newId") @NonNull @Id String newId,
                                         @Name("reason") String reason) {
        access.require(oldId, Permission.WRITE);
        access.require(newId, Permission.WRITE);
        return new MemoryView(time.supersede(oldId, newId, reason));
    }

    @Query
    @Description("The memories of a scope, or of one of its sessions, in event order (occurredAt, then arrival). "
            + "Archived memories are left out.")
    public @NonNull List<@NonNull MemoryView> timeline(
            @Name("scope") String scope,
            @Name("sessionId") String sessionId,
            @Name("from") @Description("Only memories that happened at or after this.") OffsetDateTime from,
            @Name("to") @Description("Only memories that happened at or before this.") OffsetDateTime to,
            @Name("limit") @Description("How many at most, 1..1000; default 100.") Integer limit,
            @Name("orderBy") @DefaultValue("SAID") @Description("SAID: by occurredAt. EVENT: by the first time the "
                    + "content mentions (\"last Friday\"), else occurredAt; from/to then bound that time.")
            TimelineOrder orderBy) {
        String s = caller.scope(scope, Permission.READ);
        return access.views(time.timeline(s, sessionId, MemoryApi.instant(from), MemoryApi.instant(to), limit,
                orderBy == null ? TimelineOrder.SAID : orderBy));
    }

    @Query
    @Description("The sessions of a scope in order of their start.")
    public @NonNull List<@NonNull SessionView> sessions(@Name("scope") String scope) {
        return time.sessions(caller.scope(scope, Permission.READ)).stream().map(SessionView::new).toList();
    }

    @Query
    @Description("Whether memory a happened before memory b (event time, then arrival). Both must be of one scope.")
    public boolean happenedBefore(@Name("a") @NonNull @Id String a, @Name("b") @NonNull @Id String b) {
        access.require(a, Permission.READ);
        access.require(b, Permission.READ);
        return time.happenedBefore(a, b);
    }

    @Mutation
    @Description("Forgets a memory: archives it (out of recall and timelines, back with restore), or with hard: true "
            + "erases it and every trace of its content. Answers whether anything changed.")
    public boolean forget(@Name("id") @NonNull @Id String id, @Name("hard") Boolean hard) {
        access.require(id, Permission.FORGET);
        return time.forget(id, Boolean.TRUE.equals(hard));
    }

    @Mutation
    @Description("Brings back a memory forgotten softly.")
    public @NonNull MemoryView restore(@Name("id") @NonNull @Id String id) {
        access.require(id, Permission.FORGET);
        return new MemoryView(time.restore(id));
    }

    @Description("The newer memory that updated this one, or null.")
    public MemoryView supersededBy(@Source MemoryView m) {
        return one(Optional.ofNullable(m.memory.supersededBy()));
    }

    @Description("The older memories this one updated.")
    public @NonNull List<@NonNull MemoryView> supersedes(@Source MemoryView m) {
        return access.readable(m.memory.supersedes());
    }

    @Description("The memory just before this one in its session, in event order, or null.")
    public MemoryView previous(@Source MemoryView m) {
        return one(time.neighbours(m.memory.id()).previous());
    }

    @Description("The memory just after this one in its session, in event order, or null.")
    public MemoryView next(@Source MemoryView m) {
        return one(time.neighbours(m.memory.id()).next());
    }

    private MemoryView one(Optional<String> id) {
        return id.flatMap(access::find).map(MemoryView::new).orElse(null);
    }
}
