package io.mnemograph.api.graphql;

import io.mnemograph.access.Permission;
import io.mnemograph.api.security.Caller;
import io.mnemograph.memory.Memory;
import io.mnemograph.memory.NotFoundException;
import io.mnemograph.remember.MemoryReader;
import jakarta.enterprise.context.RequestScoped;

import java.util.List;
import java.util.Optional;

/**
 * The one way a resolver reaches memories by id or by traversal: a memory outside the caller's grants is "not found"
 * (the same answer as an id that names nothing), and every memory read counts against the request's budget.
 */
@RequestScoped
public class MemoryAccess {

    private final Caller caller;
    private final MemoryReader reader;
    private final RequestBudget budget;

    MemoryAccess(Caller caller, MemoryReader reader, RequestBudget budget) {
        this.caller = caller;
        this.reader = reader;
        this.budget = budget;
    }

    /** The memory, when it exists and the caller may read it. */
    public Optional<Memory> find(String id) {
        budget.charge(1);
        return reader.get(id).filter(m -> caller.allows(m.scope(), Permission.READ));
    }

    /**
     * The memory, when it exists and the caller holds {@code permission} in its scope.
     *
     * @throws NotFoundException otherwise, saying no more than for an id that names nothing
     */
    public Memory require(String id, Permission permission) {
        budget.charge(1);
        return reader.get(id).filter(m -> caller.allows(m.scope(), permission))
                .orElseThrow(() -> new NotFoundException("no memory " + id));
    }

    /** The memories with these ids that the caller may read, in the order asked. */
    public List<MemoryView> readable(List<String> ids) {
        budget.charge(ids.size());
        return reader.getAll(ids).stream().filter(m -> caller.allows(m.scope(), Permission.READ))
                .map(MemoryView::new).toList();
    }

    /** The memories the caller may read, of those given (read already: counted now). */
    public List<MemoryView> views(List<Memory> memories) {
        budget.charge(memories.size());
        return memories.stream().filter(m -> caller.allows(m.scope(), Permission.READ)).map(MemoryView::new).toList();
    }

    public RequestBudget budget() {
        return budget;
    }

    public Caller caller() {
        return caller;
    }
}
