// Export: the NEXT edges leaving these memories (a session's order in event time).
UNWIND $ids AS id
MATCH (a:Memory {id: id})-[:NEXT]->(b:Memory)
RETURN a.id AS from, b.id AS to
ORDER BY from, to
