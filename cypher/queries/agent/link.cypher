// One association, stored once (new → old) and read in both directions; linking again updates it.
MATCH (a:Memory {id: $from}), (b:Memory {id: $to})
WHERE a.scope = b.scope AND a <> b
OPTIONAL MATCH (b)-[existing:LINKED]->(a)
WITH a, b, existing
CALL {
  WITH a, b, existing
  WITH a, b, existing WHERE existing IS NULL
  MERGE (a)-[l:LINKED]->(b)
  SET l.reason = $reason, l.strength = $strength, l.by = $by, l.at = $at
  RETURN l
  UNION
  WITH a, b, existing
  WITH existing WHERE existing IS NOT NULL
  SET existing.reason = $reason, existing.strength = $strength, existing.by = $by, existing.at = $at
  RETURN existing AS l
}
RETURN l.reason AS reason, l.strength AS strength, l.by AS by, l.at AS at, b.id AS memoryId
