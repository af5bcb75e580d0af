package io.mnemograph.api.security;

import io.mnemograph.access.AccessDeniedException;
import io.mnemograph.access.Grants;
import io.mnemograph.access.Permission;
import io.mnemograph.memory.InvalidInputException;
import io.mnemograph.memory.MemoryRules;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** Who is asking, for one request: the grants of its bearer key (every grant when security is off). */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /**
     * The caller's grants.
     *
     * @throws AccessDeniedException when the request carries no valid key (a subscription whose connection_init had
     *                               none: plain HTTP requests without one are answered 401 before they get here)
     */
    public Grants grants() {
        return CallerIdentity.grants(identity).orElseThrow(() -> new AccessDeniedException(
                "authentication required: send Authorization: Bearer <key> (for a subscription, in the payload of "
                        + "connection_init)"));
    }

    /** Whether the caller may do {@code permission} in {@code scope}. */
    public boolean allows(String scope, Permission permission) {
        return grants().allows(scope, permission);
    }

    /**
     * The scope a request acts in: the one it names, or when it names none, {@code default} for a caller granted every
     * scope (the admin key, an open server), and the key's own scope for a key granted exactly one.
     *
     * @throws InvalidInputException when the scope is malformed, or missing for a key granted several
     * @throws AccessDeniedException when the key may not do {@code permission} there
     */
    public String scope(String requested, Permission permission) {
        Grants g = grants();
        String scope;
        if (requested != null) {
            scope = MemoryRules.scope(requested);
        } else if (g.scopes().contains("*")) {
            scope = MemoryRules.scope(null);
        } else {
            scope = g.onlyScope().orElseThrow(() -> new InvalidInputException(g.scopes().isEmpty()
                    ? "this key is granted no scope" : "name a scope: this key is granted " + String.join(", ", g.scopes())));
        }
        if (!g.allows(scope, permission)) {
            throw new AccessDeniedException("this key has no " + permission + " permission in scope '" + scope + "'");
        }
        return scope;
    }

    /** @throws AccessDeniedException unless the caller holds {@code permission} in some scope */
    public void require(Permission permission) {
        if (!grants().holds(permission)) {
            throw new AccessDeniedException("this key has no " + permission + " permission");
        }
    }
}
