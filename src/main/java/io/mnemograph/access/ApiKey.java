package io.mnemograph.access;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A stored API key as its managers see it: never its secret, which is shown once, when it is created. */
public record ApiKey(String id, String name, List<String> scopes, Set<Permission> permissions, Instant createdAt,
                     Instant lastUsedAt, boolean revoked) {

    /** What the key may do. */
    public Grants grants() {
        return new Grants(id, name, scopes, permissions);
    }
}
