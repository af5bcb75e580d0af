// One new memory with its embedding, PENDING until the agent has written its note (keyword and tag nodes included).
MATCH (s:Scope {name: $m.scope})
SET s.seq = s.seq + 1, s.memories = s.memories + 1
CREATE (m:Memory {
  id: $m.id, scope: $m.scope, scopeKey: $m.scopeKey, content: $m.content, context: $m.context,
  keywords: $m.keywords, tags: $m.tags, keywordText: $m.keywordText,
  sessionId: $m.sessionId, externalId: $m.externalId, scopedExternalId: $m.scopedExternalId,
  occurredAt: $m.occurredAt, recordedAt: $m.recordedAt, validFrom: $m.occurredAt,
  metadataKeys: $m.metadataKeys, metadataValues: $m.metadataValues,
  status: $m.status, strength: $m.strength, recallCount: 0, seq: s.seq })
WITH m
CALL db.create.setNodeVectorProperty(m, 'embedding', $m.embedding)
RETURN m.id AS id, m.seq AS seq
