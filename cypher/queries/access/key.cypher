// One API key with what checking its secret needs; no row when the id names none.
MATCH (k:ApiKey {id: $id})
RETURN k {.id, .name, .scopes, .permissions, .createdAt, .lastUsedAt, .revoked, .salt, .hash} AS key
