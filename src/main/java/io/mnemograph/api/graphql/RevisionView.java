package io.mnemograph.api.graphql;

import io.mnemograph.remember.HistoryService.RevisionInfo;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

@Type("Revision")
@Description("One change made to a memory after it was stored: lists (tags, keywords) are JSON arrays in before/after.")
public class RevisionView {
    private final RevisionInfo r;

    RevisionView(RevisionInfo r) {
        this.r = r;
    }

    public @NonNull @Id String getId() {
        return r.id();
    }

    public @NonNull OffsetDateTime getAt() {
        return MemoryView.time(r.at());
    }

    public @NonNull String getAgent() {
        return r.agent();
    }

    public String getReason() {
        return r.reason();
    }

    public @NonNull String getField() {
        return r.field();
    }

    public String getBefore() {
        return r.before();
    }

    public String getAfter() {
        return r.after();
    }
}
