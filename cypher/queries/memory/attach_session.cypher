// Puts a memory into its session and finds its place in the session's event-time order (occurredAt, then arrival).
MATCH (m:Memory {id: $id})
MERGE (sess:Session {key: m.scope + '|' + m.sessionId})
ON CREATE SET sess.scope = m.scope, sess.id = m.sessionId, sess.startedAt = m.occurredAt, sess.endedAt = m.occurredAt,
              sess.created = true
SET sess.startedAt = CASE WHEN m.occurredAt < sess.startedAt THEN m.occurredAt ELSE sess.startedAt END,
    sess.endedAt = CASE WHEN m.occurredAt > sess.endedAt THEN m.occurredAt ELSE sess.endedAt END
MERGE (m)-[:IN_SESSION]->(sess)
WITH m, sess, coalesce(sess.created, false) AS isNew
REMOVE sess.created
WITH m, sess, isNew
OPTIONAL MATCH (p:Memory)-[:IN_SESSION]->(sess)
WHERE p <> m AND (p.occurredAt < m.occurredAt OR (p.occurredAt = m.occurredAt AND p.seq < m.seq))
WITH m, sess, isNew, p ORDER BY p.occurredAt DESC, p.seq DESC LIMIT 1
OPTIONAL MATCH (n:Memory)-[:IN_SESSION]->(sess)
WHERE n <> m AND (n.occurredAt > m.occurredAt OR (n.occurredAt = m.occurredAt AND n.seq > m.seq))
WITH m, sess, isNew, p, n ORDER BY n.occurredAt, n.seq LIMIT 1
RETURN p.id AS previous, n.id AS next, isNew, sess.key AS session
