package io.mnemograph.api.graphql;

import io.mnemograph.access.Permission;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Input("ApiKeyInput")
@Description("A key to create: who it is for, where it acts, what it may do.")
public class ApiKeyInput {
    @NonNull
    @Description("Who or what holds it, for the operator (1 to 100 characters).")
    public String name;
    @NonNull
    @Description("Exact scope names, or prefixes ending in * (team-b:* matches team-b:eng, not team-bx; * alone: every scope).")
    public List<@NonNull String> scopes;
    @NonNull
    @Description("READ (recall and every read), WRITE (remember, link, supersede, revert), FORGET (forget, restore), "
            + "ADMIN (all of them, and managing keys within its scopes).")
    public List<@NonNull Permission> permissions;
}
