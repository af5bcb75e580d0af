package io.mnemograph.config;

import io.smallrye.config.ConfigMapping;

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
}
