// A new API key: only a salted hash of its secret is kept.
CREATE (k:ApiKey {id: $id, name: $name, scopes: $scopes, permissions: $permissions, createdAt: $now,
                  revoked: false, salt: $salt, hash: $hash})
RETURN k {.id, .name, .scopes, .permissions, .createdAt, .lastUsedAt, .revoked} AS key
