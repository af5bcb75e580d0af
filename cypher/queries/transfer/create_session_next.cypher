// Import: NEXT edges between sessions of a scope (the scope's order of sessions) not present yet. A row whose
// sessions are missing gives nothing; the caller counts rows against created.
UNWIND $rows AS r
MATCH (a:Session {key: r.from}), (b:Session {key: r.to})
OPTIONAL MATCH (a)-[old:NEXT]->(b)
WITH a, b, old WHERE old IS NULL
CREATE (a)-[n:NEXT]->(b)
RETURN count(n) AS created
