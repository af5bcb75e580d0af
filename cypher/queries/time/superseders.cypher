// The older memories $id superseded, each with when the earliest of its other superseders happened (null if none).
MATCH (m:Memory {id: $id})-[:SUPERSEDES]->(older:Memory)
OPTIONAL MATCH (other:Memory)-[:SUPERSEDES]->(older)
WHERE other <> m
RETURN older.id AS id, older.occurredAt AS occurredAt, older.validTo AS validTo, min(other.occurredAt) AS nextUpdate
