package io.mnemograph.api.graphql;

import io.mnemograph.access.ApiKeys;
import io.mnemograph.access.Permission;
import io.mnemograph.api.security.Caller;
import io.smallrye.common.annotation.Blocking;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.EnumSet;
import java.util.List;

/** Managing API keys: the admin key, or a key with ADMIN over the scopes of the keys it manages. */
@GraphQLApi
@Blocking
public class KeyApi {

    private final ApiKeys keys;
    private final Caller caller;

    KeyApi(ApiKeys keys, Caller caller) {
        this.keys = keys;
        this.caller = caller;
    }

    @Mutation
    @Description("Creates an API key (ADMIN). Its secret is in the answer, and only there.")
    public @NonNull NewApiKeyView createApiKey(@Name("input") @NonNull ApiKeyInput input) {
        caller.require(Permission.ADMIN);
        var created = keys.create(input.name, input.scopes,
                input.permissions == null || input.permissions.isEmpty() ? EnumSet.noneOf(Permission.class)
                        : EnumSet.copyOf(input.permissions), caller.grants());
        return new NewApiKeyView(new ApiKeyView(created.key()), created.secret());
    }

    @Mutation
    @Description("Revokes an API key (ADMIN): refused from the next request on. False when it was revoked already.")
    public boolean revokeApiKey(@Name("id") @NonNull @Id String id) {
        caller.require(Permission.ADMIN);
        return keys.revoke(id, caller.grants());
    }

    @Query
    @Description("The API keys this key manages, oldest first (ADMIN); never their secrets.")
    public @NonNull List<@NonNull ApiKeyView> apiKeys() {
        caller.require(Permission.ADMIN);
        return keys.list(caller.grants()).stream().map(ApiKeyView::new).toList();
    }
}
