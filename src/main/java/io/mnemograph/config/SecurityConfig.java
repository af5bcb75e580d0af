package io.mnemograph.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Access control ({@code mnemograph.security.*}; docs/security.md). */
@ConfigMapping(prefix = "mnemograph.security")
public interface SecurityConfig {

    /**
     * The admin key (env MNEMOGRAPH_SECURITY_ADMIN_KEY, at least 32 characters). Setting it switches security on:
     * every request that reads or writes memories then needs {@code Authorization: Bearer <key>}, with this key or one
     * it created. Unset, the server is open and listens on loopback only.
     */
    Optional<String> adminKey();

    /**
     * JWTs from an identity provider (optional): verified by smallrye-jwt ({@code mp.jwt.verify.publickey.location}
     * or {@code mp.jwt.verify.publickey}, {@code mp.jwt.verify.issuer}); these claims give a token its grants.
     */
    Jwt jwt();

    interface Jwt {
        /**
         * The claim that lists a token's scope grants, as a JSON array or a space-separated string: exact scopes or
         * prefixes ending in *.
         */
        @WithDefault("mnemograph_scopes")
        String scopesClaim();

        /** The claim that lists a token's permissions: READ, WRITE, FORGET, ADMIN. */
        @WithDefault("mnemograph_permissions")
        String permissionsClaim();
    }
}
