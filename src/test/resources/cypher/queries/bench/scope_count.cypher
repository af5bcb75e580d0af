// Bench only: how many memories these scopes hold already (a reused database skips the ingest).
MATCH (m:Memory) WHERE m.scope IN $scopes
RETURN count(m) AS memories
