// A scope's (or one session's) memories in event order: occurredAt, then arrival. Archived memories are left out.
MATCH (m:Memory {scope: $scope})
WHERE m.status <> 'ARCHIVED' AND ($sessionId IS NULL OR m.sessionId = $sessionId)
  AND ($from IS NULL OR m.occurredAt >= $from) AND ($to IS NULL OR m.occurredAt <= $to)
RETURN m.id AS id
ORDER BY m.occurredAt, m.seq
LIMIT $limit
