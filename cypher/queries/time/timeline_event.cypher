// A scope's (or one session's) memories in the order of what they talk about: the start of the first time span the
// content mentions, else occurredAt; then arrival. from/to bound that same time. Archived memories are left out.
MATCH (m:Memory {scope: $scope})
WHERE m.status <> 'ARCHIVED' AND ($sessionId IS NULL OR m.sessionId = $sessionId)
WITH m, coalesce(head(m.mentionFroms), m.occurredAt) AS eventAt
WHERE ($from IS NULL OR eventAt >= $from) AND ($to IS NULL OR eventAt <= $to)
RETURN m.id AS id
ORDER BY eventAt, m.seq
LIMIT $limit
