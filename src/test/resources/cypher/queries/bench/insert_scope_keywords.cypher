// Bench only: keyword nodes shared per scope with their document frequency, as agent/write_note leaves them, for many
// scopes ($scopes: [{scope, rows}]).
UNWIND $scopes AS sc
UNWIND sc.rows AS r
MATCH (m:Memory {id: r.id})
UNWIND r.keywords AS k
MERGE (kw:Keyword {key: sc.scope + '|' + k}) ON CREATE SET kw.scope = sc.scope, kw.name = k, kw.df = 0
SET kw.df = kw.df + 1
CREATE (m)-[:HAS_KEYWORD]->(kw)
RETURN count(*) AS edges
