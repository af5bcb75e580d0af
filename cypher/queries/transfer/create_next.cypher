// Import: NEXT edges between memories (a session's order) not present yet.
UNWIND $rows AS r
MATCH (a:Memory {id: r.from}), (b:Memory {id: r.to})
OPTIONAL MATCH (a)-[old:NEXT]->(b)
WITH a, b, old WHERE old IS NULL
CREATE (a)-[n:NEXT]->(b)
RETURN count(n) AS created
