// Memories stored but never processed by the agent (a crash between the two), oldest first per scope.
MATCH (m:Memory)
WHERE m.status = 'PENDING'
RETURN m.id AS id, m.scope AS scope
ORDER BY m.scope, m.seq
LIMIT $limit
