package io.mnemograph.api.graphql;

import io.mnemograph.access.AccessDeniedException;
import io.mnemograph.access.Permission;
import io.mnemograph.api.security.Caller;
import io.mnemograph.config.MnemographConfig;
import io.mnemograph.memory.InvalidInputException;
import io.mnemograph.memory.MemoryDraft;
import io.mnemograph.memory.MemoryRules;
import io.mnemograph.recall.RecallService;
import io.mnemograph.remember.RememberService;
import io.smallrye.common.annotation.Blocking;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.mnemograph.memory.RecallStrategy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Remembering and recalling: the core of the API. */
@GraphQLApi
@Blocking
public class MemoryApi {

    private final RememberService remember;
    private final RecallService recall;
    private final MemoryAccess access;
    private final Caller caller;
    private final MemoryRules rules;

    MemoryApi(RememberService remember, RecallService recall, MemoryAccess access, Caller caller,
              MnemographConfig config) {
        this.remember = remember;
        this.recall = recall;
        this.access = access;
        this.caller = caller;
        this.rules = new MemoryRules(config.limits().maxContentBytes(), config.limits().maxLabels());
    }

    @Mutation
    @Description("Remembers one thing. Remembering again with a stored (scope, externalId) returns that memory unchanged.")
    public @NonNull MemoryView remember(@Name("input") @NonNull MemoryInput input) {
        return new MemoryView(remember.remember(draft(null, input, caller.scope(input.scope, Permission.WRITE))));
    }

    @Mutation
    @Description("Remembers a batch, all or nothing, and returns it in input order.")
    public @NonNull List<@NonNull MemoryView> rememberAll(@Name("inputs") @NonNull List<@NonNull MemoryInput> inputs) {
        // Every input's scope is checked before anything is stored: one outside the key's grants stores nothing.
        List<String> scopes = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            try {
                scopes.add(caller.scope(inputs.get(i).scope, Permission.WRITE));
            } catch (AccessDeniedException e) {
                throw new AccessDeniedException("inputs[" + i + "]: " + e.getMessage());
            }
        }
        List<MemoryDraft> drafts = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            drafts.add(draft("inputs[" + i + "]", inputs.get(i), scopes.get(i)));
        }
        return MemoryView.of(remember.rememberAll(drafts));
    }

    @Query
    @Description("The memories of a scope that matter for a question, best first, each with a score and its reasons.")
    public @NonNull List<@NonNull RecollectionView> recall(
            @Name("query") @NonNull String query,
            @Name("scope") String scope,
            @Name("limit") @Description("How many at most, 1..1000; default 10.") Integer limit,
            @Name("strategy") @Description("Which signals to use; default GRAPH, the best.") RecallStrategy strategy,
            @Name("at") @Description("The moment of asking: what was true then. Default now.") OffsetDateTime at,
            @Name("from") @Description("Only memories that happened at or after this.") OffsetDateTime from,
            @Name("to") @Description("Only memories that happened at or before this.") OffsetDateTime to,
            @Name("includeSuperseded") @Description("Also memories superseded as of at; default false.")
            Boolean includeSuperseded,
            @Name("minScore") @Description("Leave out results scoring below this (abstention); default 0. Scores are calibrated: "
                    + "0 is an unrelated text, about 1 a strong match (GRAPH adds up to ~0.5 for speaker, session "
                    + "and graph paths). 0.45 returned nothing for any off-topic question in the LoCoMo benchmark.")
            Double minScore) {
        var request = recall.request(query, caller.scope(scope, Permission.READ), limit, strategy, instant(at), instant(from), instant(to),
                includeSuperseded, minScore);
        var found = recall.recall(request);
        access.budget().charge(found.size());
        return found.stream().map(RecollectionView::new).toList();
    }

    static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    @Query
    @Description("One memory by id, or null.")
    public MemoryView memory(@Name("id") @NonNull @Id String id) {
        return access.find(id).map(MemoryView::new).orElse(null);
    }

    private static Instant occurredAt(String where, String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException((where == null ? "" : where + ": ") + "occurredAt '" + MemoryRules.abbreviate(text)
                    + "' is not an ISO-8601 date-time with an offset, such as 2024-05-01T10:00:00Z");
        }
    }

    private MemoryDraft draft(String where, MemoryInput in, String scope) {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (in.metadata != null) {
            for (EntryInput e : in.metadata) {
                metadata.put(e.key, e.value);
            }
        }
        return rules.draft(where, in.content, scope, in.sessionId,
                occurredAt(where, in.occurredAt), in.externalId, in.keywords, in.tags, metadata);
    }
}
