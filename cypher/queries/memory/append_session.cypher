// Appends memories ($ids, in event-time order, none earlier than the session's last memory $tail) to their session:
// membership, the session's time span, and the NEXT chain tail → first → … → last.
MATCH (first:Memory {id: $ids[0]})
MERGE (sess:Session {key: $key})
ON CREATE SET sess.scope = first.scope, sess.id = first.sessionId, sess.startedAt = $startedAt, sess.endedAt = $endedAt
SET sess.startedAt = CASE WHEN $startedAt < sess.startedAt THEN $startedAt ELSE sess.startedAt END,
    sess.endedAt = CASE WHEN $endedAt > sess.endedAt THEN $endedAt ELSE sess.endedAt END
WITH sess
UNWIND range(0, size($ids) - 1) AS i
MATCH (m:Memory {id: $ids[i]})
MERGE (m)-[:IN_SESSION]->(sess)
WITH m, CASE WHEN i = 0 THEN $tail ELSE $ids[i - 1] END AS previousId
OPTIONAL MATCH (p:Memory {id: previousId})
FOREACH (x IN CASE WHEN p IS NULL THEN [] ELSE [p] END | MERGE (x)-[:NEXT]->(m))
