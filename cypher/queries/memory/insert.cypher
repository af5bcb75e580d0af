// New memories of one scope with their embeddings and the time spans their content mentions, numbered in arrival order (seq), PENDING until the agent has
// written their notes (keyword and tag nodes included). The scope is locked by the caller's transaction.
MATCH (s:Scope {name: $scope})
WITH s, s.seq AS base
SET s.seq = s.seq + size($rows), s.memories = s.memories + size($rows)
WITH base
UNWIND range(0, size($rows) - 1) AS i
WITH base + i + 1 AS seq, $rows[i] AS r
CREATE (m:Memory {
  id: r.id, scope: r.scope, scopeKey: r.scopeKey, content: r.content, context: r.context,
  keywords: r.keywords, tags: r.tags, keywordText: r.keywordText,
  sessionId: r.sessionId, externalId: r.externalId, scopedExternalId: r.scopedExternalId,
  occurredAt: r.occurredAt, recordedAt: r.recordedAt, validFrom: r.occurredAt,
  metadataKeys: r.metadataKeys, metadataValues: r.metadataValues,
  mentionTexts: r.mentionTexts, mentionFroms: r.mentionFroms, mentionTos: r.mentionTos,
  status: r.status, strength: r.strength, recallCount: 0, seq: seq })
WITH m, r
CALL db.create.setNodeVectorProperty(m, 'embedding', r.embedding)
RETURN m.id AS id, m.seq AS seq
