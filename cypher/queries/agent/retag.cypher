// Keeps TAGGED edges and tag counts in step with memories' tags lists after revisions.
UNWIND $ids AS id
MATCH (m:Memory {id: id})
OPTIONAL MATCH (m)-[old:TAGGED]->(t:Tag)
WHERE NOT t.name IN m.tags
SET t.df = t.df - 1
DELETE old
WITH DISTINCT m
FOREACH (name IN m.tags |
  MERGE (tg:Tag {key: m.scope + '|' + name}) ON CREATE SET tg.scope = m.scope, tg.name = name, tg.df = 0
  MERGE (m)-[e:TAGGED]->(tg)
  ON CREATE SET tg.df = tg.df + 1)
