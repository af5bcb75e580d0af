// Import: SUPERSEDES edges (newer → older) not present yet. The older memory's validTo came with its own line.
UNWIND $rows AS r
MATCH (a:Memory {id: r.from}), (b:Memory {id: r.to})
OPTIONAL MATCH (a)-[old:SUPERSEDES]->(b)
WITH a, b, r, old WHERE old IS NULL
CREATE (a)-[s:SUPERSEDES]->(b)
SET s = r.props
RETURN count(s) AS created
