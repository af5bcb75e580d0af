package io.mnemograph.api.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Link")
@Description("An association between two memories, read from either end.")
public class LinkView {
    private final MemoryView memory;
    private final String reason;
    private final double strength;
    private final String by;

    LinkView(MemoryView memory, String reason, double strength, String by) {
        this.memory = memory;
        this.reason = reason;
        this.strength = strength;
        this.by = by;
    }

    @Description("The memory at the other end.")
    public @NonNull MemoryView getMemory() {
        return memory;
    }

    public String getReason() {
        return reason;
    }

    public double getStrength() {
        return strength;
    }

    @Description("Who made it: the agent's name (heuristic, llm) or caller.")
    public @NonNull String getBy() {
        return by;
    }
}
