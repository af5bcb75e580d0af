package io.mnemograph.api.graphql;

import io.mnemograph.memory.TimeSpan;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

@Type("TimeSpan")
@Description("A time a memory's content talks about (\"last Friday\"), resolved against when it was said.")
public class TimeSpanView {
    private final TimeSpan span;

    TimeSpanView(TimeSpan span) {
        this.span = span;
    }

    @Description("The words as written.")
    public @NonNull String getText() {
        return span.text();
    }

    @Description("Where the span begins (inclusive, midnight UTC).")
    public @NonNull OffsetDateTime getFrom() {
        return MemoryView.time(span.from());
    }

    @Description("Where the span ends (exclusive, midnight UTC).")
    public @NonNull OffsetDateTime getTo() {
        return MemoryView.time(span.to());
    }
}
