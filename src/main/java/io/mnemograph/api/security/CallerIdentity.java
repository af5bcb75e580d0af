package io.mnemograph.api.security;

import io.mnemograph.access.Grants;
import io.mnemograph.access.Permission;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

import java.util.Optional;

/**
 * A Quarkus identity that carries the caller's grants; its roles are its permissions. Doors other than GraphQL (a
 * Vert.x route, an MCP tool) read the grants of their request's identity with {@link #grants(SecurityIdentity)}.
 */
public final class CallerIdentity {

    static final String GRANTS = "mnemograph.grants";

    private CallerIdentity() {
    }

    static SecurityIdentity of(Grants grants) {
        var b = QuarkusSecurityIdentity.builder()
                .setPrincipal(() -> grants.name())
                .addAttribute(GRANTS, grants);
        for (Permission p : grants.permissions()) {
            b.addRole(p.name());
        }
        return b.build();
    }

    /** The grants of an identity: empty for an anonymous one (no valid key, with security on). */
    public static Optional<Grants> grants(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? Optional.empty()
                : Optional.ofNullable(identity.getAttribute(GRANTS));
    }
}
