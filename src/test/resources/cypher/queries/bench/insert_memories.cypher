// Bench only: a batch of READY memories of one scope, with the properties memory/insert.cypher and the agent's
// write_note set, in one statement (the scale benchmark fills 100k memories in transactions of thousands).
MERGE (s:Scope {name: $scope})
ON CREATE SET s.createdAt = $now, s.seq = 0, s.memories = 0
WITH s, s.seq AS base
SET s.seq = s.seq + size($rows), s.memories = s.memories + size($rows), s.touchedAt = $now
WITH base
UNWIND range(0, size($rows) - 1) AS i
WITH base, i, $rows[i] AS r
CREATE (m:Memory {
  id: r.id, scope: $scope, scopeKey: $scopeKey, content: r.content, context: r.context,
  keywords: r.keywords, tags: [], keywordText: r.keywordText,
  sessionId: r.sessionId, externalId: r.externalId, scopedExternalId: $scope + '|' + r.externalId,
  occurredAt: r.occurredAt, recordedAt: $now, validFrom: r.occurredAt,
  metadataKeys: [], metadataValues: [],
  status: 'READY', strength: 1.0, recallCount: 0, seq: base + i + 1 })
WITH m, r
CALL db.create.setNodeVectorProperty(m, 'embedding', r.embedding)
RETURN count(*) AS created
