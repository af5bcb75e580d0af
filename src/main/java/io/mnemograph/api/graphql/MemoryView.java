package io.mnemograph.api.graphql;

import io.mnemograph.memory.Memory;
import io.mnemograph.memory.MemoryStatus;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

@Type("Memory")
@Description("One remembered thing: a node of the memory graph.")
public class MemoryView {
    final Memory memory;

    MemoryView(Memory memory) {
        this.memory = memory;
    }

    public @NonNull @Id String getId() {
        return memory.id();
    }

    public @NonNull String getScope() {
        return memory.scope();
    }

    public @NonNull String getContent() {
        return memory.content();
    }

    @Description("A one-sentence description of the memory, written by the agent.")
    public String getContext() {
        return memory.context();
    }

    public @NonNull List<@NonNull String> getKeywords() {
        return memory.keywords();
    }

    public @NonNull List<@NonNull String> getTags() {
        return memory.tags();
    }

    public String getSessionId() {
        return memory.sessionId();
    }

    public String getExternalId() {
        return memory.externalId();
    }

    @Description("When it happened (event time).")
    public @NonNull OffsetDateTime getOccurredAt() {
        return time(memory.occurredAt());
    }

    @Description("When Mnemograph stored it (record time).")
    public @NonNull OffsetDateTime getRecordedAt() {
        return time(memory.recordedAt());
    }

    @Description("When it became true: when it happened.")
    public @NonNull OffsetDateTime getValidFrom() {
        return time(memory.validFrom() == null ? memory.occurredAt() : memory.validFrom());
    }

    @Description("When it stopped being true (a newer memory superseded it), or null while it is true.")
    public OffsetDateTime getValidTo() {
        return time(memory.validTo());
    }

    @Description("PENDING until the agent has processed it, READY, or ARCHIVED when forgotten softly.")
    public @NonNull MemoryStatus getStatus() {
        return memory.status();
    }

    @Description("How well it is remembered: 1 when stored, growing a little each time recall returns it.")
    public double getStrength() {
        return memory.strength();
    }

    @Description("How many times recall has returned it (as of now, not as of a moment in the past).")
    public int getRecallCount() {
        return (int) Math.min(memory.recallCount(), Integer.MAX_VALUE);
    }

    @Description("When recall last returned it, or null if never.")
    public OffsetDateTime getLastRecalledAt() {
        return time(memory.lastRecalledAt());
    }

    @Description("The times its content talks about (\"last Friday\", \"next month\"), resolved against when it was "
            + "said; recall's time words match them as well as occurredAt. Empty for memories stored before event "
            + "times were read, until the start-up backfill has reached them.")
    public @NonNull List<@NonNull TimeSpanView> getMentions() {
        return memory.mentions().stream().map(TimeSpanView::new).toList();
    }

    public @NonNull List<@NonNull Entry> getMetadata() {
        return memory.metadata().entrySet().stream().map(e -> new Entry(e.getKey(), e.getValue())).toList();
    }

    static OffsetDateTime time(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    static List<MemoryView> of(List<Memory> memories) {
        return memories.stream().map(MemoryView::new).toList();
    }
}
