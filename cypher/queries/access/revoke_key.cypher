// Revokes a key for good; the first revocation's time is kept.
MATCH (k:ApiKey {id: $id})
SET k.revoked = true, k.revokedAt = coalesce(k.revokedAt, $now)
RETURN k.id AS id
