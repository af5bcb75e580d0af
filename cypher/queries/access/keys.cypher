// Every API key, oldest first, without the hashes.
MATCH (k:ApiKey)
RETURN k {.id, .name, .scopes, .permissions, .createdAt, .lastUsedAt, .revoked} AS key
ORDER BY k.createdAt, k.id
