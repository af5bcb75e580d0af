// Export: the LINKED edges leaving these memories, as stored (one direction per link).
UNWIND $ids AS id
MATCH (a:Memory {id: id})-[l:LINKED]->(b:Memory)
RETURN a.id AS from, b.id AS to, properties(l) AS props
ORDER BY from, to
