// Records a key's use, at most once per interval, so that a busy key does not write on every request.
MATCH (k:ApiKey {id: $id})
WHERE k.lastUsedAt IS NULL OR k.lastUsedAt < $before
SET k.lastUsedAt = $now
