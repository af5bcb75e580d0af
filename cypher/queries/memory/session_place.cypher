// A new session's place among the sessions of its scope, by start time.
MATCH (sess:Session {key: $key})
OPTIONAL MATCH (p:Session {scope: sess.scope})
WHERE p <> sess AND p.startedAt <= sess.startedAt
WITH sess, p ORDER BY p.startedAt DESC LIMIT 1
OPTIONAL MATCH (n:Session {scope: sess.scope})
WHERE n <> sess AND n.startedAt > sess.startedAt
WITH sess, p, n ORDER BY n.startedAt LIMIT 1
RETURN p.key AS previous, n.key AS next
