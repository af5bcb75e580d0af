// Writes a memory's note and marks it READY (the whole evolution transaction commits or none of it does): keyword and
// tag nodes are shared per scope and count their memories (df).
MATCH (m:Memory {id: $id})
SET m.keywords = $keywords, m.tags = $tags, m.context = $context, m.keywordText = $keywordText, m.status = 'READY'
FOREACH (k IN $keywords |
  MERGE (kw:Keyword {key: m.scope + '|' + k}) ON CREATE SET kw.scope = m.scope, kw.name = k, kw.df = 0
  SET kw.df = kw.df + 1
  MERGE (m)-[:HAS_KEYWORD]->(kw))
FOREACH (t IN $tags |
  MERGE (tg:Tag {key: m.scope + '|' + t}) ON CREATE SET tg.scope = m.scope, tg.name = t, tg.df = 0
  SET tg.df = tg.df + 1
  MERGE (m)-[:TAGGED]->(tg))
