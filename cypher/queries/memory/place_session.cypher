// Splices a session into its scope's chain of sessions (NEXT) at its place by start time: after the latest session
// that started no later, before the earliest that started later. The session is not in the chain yet.
MATCH (sess:Session {key: $key})
OPTIONAL MATCH (p:Session {scope: sess.scope})
WHERE p <> sess AND p.startedAt <= sess.startedAt
WITH sess, p ORDER BY p.startedAt DESC LIMIT 1
OPTIONAL MATCH (n:Session {scope: sess.scope})
WHERE n <> sess AND n.startedAt > sess.startedAt
WITH sess, p, n ORDER BY n.startedAt LIMIT 1
OPTIONAL MATCH (p)-[old:NEXT]->(n)
DELETE old
FOREACH (x IN CASE WHEN p IS NULL THEN [] ELSE [p] END | MERGE (x)-[:NEXT]->(sess))
FOREACH (x IN CASE WHEN n IS NULL THEN [] ELSE [n] END | MERGE (sess)-[:NEXT]->(x))
