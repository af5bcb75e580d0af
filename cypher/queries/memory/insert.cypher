// One new memory with its embedding; keywords and tags the caller gave become shared nodes of the scope.
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
FOREACH (k IN $m.keywords |
  MERGE (kw:Keyword {key: $m.scope + '|' + k}) ON CREATE SET kw.scope = $m.scope, kw.name = k
  MERGE (m)-[:HAS_KEYWORD]->(kw))
FOREACH (t IN $m.tags |
  MERGE (tg:Tag {key: $m.scope + '|' + t}) ON CREATE SET tg.scope = $m.scope, tg.name = t
  MERGE (m)-[:TAGGED]->(tg))
RETURN m.id AS id, m.seq AS seq
