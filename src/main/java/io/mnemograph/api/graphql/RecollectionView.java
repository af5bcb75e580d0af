package io.mnemograph.api.graphql;

import io.mnemograph.memory.Recollection;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("Recollection")
@Description("A recalled memory, how strongly it matched, and why it came back.")
public class RecollectionView {
    private final Recollection r;

    RecollectionView(Recollection r) {
        this.r = r;
    }

    public @NonNull MemoryView getMemory() {
        return new MemoryView(r.memory());
    }

    public double getScore() {
        return r.score();
    }

    @Description("Which signals and which graph paths brought this memory back.")
    public @NonNull List<@NonNull String> getReasons() {
        return r.reasons();
    }
}
