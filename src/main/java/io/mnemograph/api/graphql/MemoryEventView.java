package io.mnemograph.api.graphql;

import io.mnemograph.remember.MemoryEvents;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("MemoryEvent")
@Description("Something that happened to a memory: remembered, linked, evolved, reverted.")
public class MemoryEventView {
    private final MemoryEvents.Event e;

    MemoryEventView(MemoryEvents.Event e) {
        this.e = e;
    }

    public @NonNull String getKind() {
        return e.kind();
    }

    public @NonNull String getScope() {
        return e.scope();
    }

    public @NonNull String getMemoryId() {
        return e.memoryId();
    }

    @Description("The other memory of a link, or the newer memory that caused an evolution.")
    public String getOtherId() {
        return e.otherId();
    }

    public String getDetail() {
        return e.detail();
    }
}
