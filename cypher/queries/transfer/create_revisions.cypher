// Import: revisions absent from the store, each hung under its memory (REVISED); one present is left as it is.
UNWIND $rows AS r
OPTIONAL MATCH (old:Revision {id: r.id})
WITH r, old WHERE old IS NULL
MATCH (m:Memory {id: r.memoryId})
CREATE (m)-[:REVISED]->(rev:Revision)
SET rev = r
RETURN count(rev) AS created
