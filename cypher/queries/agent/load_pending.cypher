// The memories to process, with what the agent needs; a memory no longer PENDING (another worker took it) is skipped.
UNWIND $ids AS id
MATCH (m:Memory {id: id})
WHERE m.status = 'PENDING'
RETURN m.id AS id, m.seq AS seq, m.scope AS scope, m.content AS content, m.sessionId AS sessionId, m.occurredAt AS occurredAt,
       m.keywords AS keywords, m.tags AS tags
