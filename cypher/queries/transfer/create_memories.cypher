// Import: creates memories absent from the store (the caller checked, under the scope lock) with their embeddings,
// session membership and keyword and tag edges. Counters of the scope are moved by transfer/count_memories.
UNWIND $rows AS r
CREATE (m:Memory)
SET m = r.props
WITH m, r
CALL db.create.setNodeVectorProperty(m, 'embedding', r.embedding)
WITH m, r
FOREACH (sid IN CASE WHEN m.sessionId IS NULL THEN [] ELSE [m.sessionId] END |
  MERGE (s:Session {key: m.scope + '|' + sid})
  ON CREATE SET s.scope = m.scope, s.id = sid, s.startedAt = m.occurredAt, s.endedAt = m.occurredAt
  MERGE (m)-[:IN_SESSION]->(s))
FOREACH (k IN r.hasKeyword |
  MERGE (kw:Keyword {key: m.scope + '|' + k}) ON CREATE SET kw.scope = m.scope, kw.name = k, kw.df = 0
  MERGE (m)-[:HAS_KEYWORD]->(kw))
FOREACH (t IN r.tagged |
  MERGE (tg:Tag {key: m.scope + '|' + t}) ON CREATE SET tg.scope = m.scope, tg.name = t, tg.df = 0
  MERGE (m)-[:TAGGED]->(tg))
RETURN m.id AS id
