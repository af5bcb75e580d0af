package io.mnemograph.remember;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** What happens to memories, as it is committed: for subscribers of the API. Published only after commit. */
@ApplicationScoped
public class MemoryEvents {

    /**
     * @param kind     remembered, linked, evolved, unlinked or reverted
     * @param memoryId the memory the event is about
     * @param otherId  the other memory of a link, or the newer memory that caused an evolution
     * @param detail   a reason, when there is one
     */
    public record Event(String kind, String scope, String memoryId, String otherId, String detail) {
    }

    private final BroadcastProcessor<Event> processor = BroadcastProcessor.create();

    void publishAll(List<Event> events) {
        events.forEach(processor::onNext);
    }

    /** Events from now on, of one scope (null: all scopes). */
    public Multi<Event> stream(String scope) {
        return processor.filter(e -> scope == null || scope.equals(e.scope()));
    }
}
