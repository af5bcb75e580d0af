// Bench only: batches of READY memories of many scopes ($scopes: [{scope, scopeKey, rows}]) in one statement, with the
// properties memory/insert.cypher and the agent's write_note set (the scale benchmark's spread layout writes 10,000
// scopes: a statement per scope would take most of its time).
UNWIND $scopes AS sc
MERGE (s:Scope {name: sc.scope})
ON CREATE SET s.createdAt = $now, s.seq = 0, s.memories = 0
WITH s, sc, s.seq AS base
SET s.seq = s.seq + size(sc.rows), s.memories = s.memories + size(sc.rows), s.touchedAt = $now
WITH sc, base
UNWIND range(0, size(sc.rows) - 1) AS i
WITH sc, base, i, sc.rows[i] AS r
CREATE (m:Memory {
  id: r.id, scope: sc.scope, scopeKey: sc.scopeKey, content: r.content, context: r.context,
  keywords: r.keywords, tags: [], keywordText: r.keywordText,
  sessionId: r.sessionId, externalId: r.externalId, scopedExternalId: sc.scope + '|' + r.externalId,
  occurredAt: r.occurredAt, recordedAt: $now, validFrom: r.occurredAt,
  metadataKeys: [], metadataValues: [],
  status: 'READY', strength: 1.0, recallCount: 0, seq: base + i + 1 })
WITH m, r
CALL db.create.setNodeVectorProperty(m, 'embedding', r.embedding)
RETURN count(*) AS created
