// Import: LINKED edges between memories that are not linked yet in either direction (a link is one edge, read both
// ways); a link present is left as it is.
UNWIND $rows AS r
MATCH (a:Memory {id: r.from}), (b:Memory {id: r.to})
OPTIONAL MATCH (a)-[old:LINKED]-(b)
WITH a, b, r, old WHERE old IS NULL
CREATE (a)-[l:LINKED]->(b)
SET l = r.props
RETURN count(l) AS created
