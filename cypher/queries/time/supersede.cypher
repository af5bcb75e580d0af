// A knowledge update: the newer memory supersedes the older, which stops being true at $validTo. Nothing is deleted.
MATCH (older:Memory {id: $oldId}), (newer:Memory {id: $newId})
MERGE (newer)-[s:SUPERSEDES]->(older)
ON CREATE SET s.reason = $reason, s.at = $now, s.by = $by
SET older.validTo = $validTo
