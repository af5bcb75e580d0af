// Whether a session exists and its last memory in event-time order: a batch that starts no earlier is appended after
// it in one statement instead of being placed memory by memory.
OPTIONAL MATCH (sess:Session {key: $key})
OPTIONAL MATCH (t:Memory)-[:IN_SESSION]->(sess)
WITH sess, t ORDER BY t.occurredAt DESC, t.seq DESC LIMIT 1
RETURN sess IS NOT NULL AS exists, t.id AS tail, t.occurredAt AS occurredAt
