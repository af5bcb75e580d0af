// Export: the SUPERSEDES edges leaving these memories (newer → older).
UNWIND $ids AS id
MATCH (a:Memory {id: id})-[s:SUPERSEDES]->(b:Memory)
RETURN a.id AS from, b.id AS to, properties(s) AS props
ORDER BY from, to
