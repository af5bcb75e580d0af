// A session's bounds from the memories it still has, after one was erased.
MATCH (s:Session {key: $key})
OPTIONAL MATCH (m:Memory)-[:IN_SESSION]->(s)
WITH s, s.startedAt AS before, min(m.occurredAt) AS first, max(m.occurredAt) AS last, count(m) AS memories
SET s.startedAt = coalesce(first, s.startedAt), s.endedAt = coalesce(last, s.endedAt)
RETURN memories, before <> s.startedAt AS moved
