// Writes the notes of a batch of memories and marks them READY (the whole evolution transaction commits or none of
// it does): keyword and tag nodes are shared per scope and count their memories (df). A tag some caller gave
// (n.given) is marked byCaller: its name is the caller's words, so the agent never spreads it to other memories.
UNWIND $notes AS n
MATCH (m:Memory {id: n.id})
SET m.keywords = n.keywords, m.tags = n.tags, m.context = n.context, m.keywordText = n.keywordText,
    m.status = 'READY'
FOREACH (k IN n.keywords |
  MERGE (kw:Keyword {key: m.scope + '|' + k}) ON CREATE SET kw.scope = m.scope, kw.name = k, kw.df = 0
  SET kw.df = kw.df + 1
  MERGE (m)-[:HAS_KEYWORD]->(kw))
FOREACH (t IN n.tags |
  MERGE (tg:Tag {key: m.scope + '|' + t}) ON CREATE SET tg.scope = m.scope, tg.name = t, tg.df = 0
  SET tg.df = tg.df + 1, tg.byCaller = coalesce(tg.byCaller, false) OR t IN n.given
  MERGE (m)-[:TAGGED]->(tg))
