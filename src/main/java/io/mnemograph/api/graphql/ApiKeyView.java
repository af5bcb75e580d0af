package io.mnemograph.api.graphql;

import io.mnemograph.access.ApiKey;
import io.mnemograph.access.Permission;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;
import java.util.List;

@Type("ApiKey")
@Description("An API key: where it acts and what it may do. Its secret is never shown after creation.")
public class ApiKeyView {
    private final ApiKey key;

    ApiKeyView(ApiKey key) {
        this.key = key;
    }

    public @NonNull @Id String getId() {
        return key.id();
    }

    public @NonNull String getName() {
        return key.name();
    }

    public @NonNull List<@NonNull String> getScopes() {
        return key.scopes();
    }

    public @NonNull List<@NonNull Permission> getPermissions() {
        return key.permissions().stream().sorted().toList();
    }

    public @NonNull OffsetDateTime getCreatedAt() {
        return MemoryView.time(key.createdAt());
    }

    @Description("When a request last carried it (updated at most once a minute), or null if never.")
    public OffsetDateTime getLastUsedAt() {
        return MemoryView.time(key.lastUsedAt());
    }

    @Description("Whether it was revoked: a revoked key is refused on the next request.")
    public boolean isRevoked() {
        return key.revoked();
    }
}
