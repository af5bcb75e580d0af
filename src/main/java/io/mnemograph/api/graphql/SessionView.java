package io.mnemograph.api.graphql;

import io.mnemograph.memory.Session;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

@Type("Session")
@Description("An episode of a scope: one conversation, one task run.")
public class SessionView {
    private final Session session;

    SessionView(Session session) {
        this.session = session;
    }

    public @NonNull String getId() {
        return session.id();
    }

    public @NonNull String getScope() {
        return session.scope();
    }

    @Description("When its first memory happened.")
    public @NonNull OffsetDateTime getStartedAt() {
        return MemoryView.time(session.startedAt());
    }

    @Description("When its last memory happened.")
    public @NonNull OffsetDateTime getEndedAt() {
        return MemoryView.time(session.endedAt());
    }

    @Description("How many memories it holds, archived ones left out.")
    public int getMemoryCount() {
        return (int) Math.min(session.memoryCount(), Integer.MAX_VALUE);
    }
}
