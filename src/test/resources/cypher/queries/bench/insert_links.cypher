// Bench only: LINKED associations (new → old) as agent/link leaves them.
UNWIND $links AS l
MATCH (a:Memory {id: l.from}), (b:Memory {id: l.to})
CREATE (a)-[:LINKED {reason: l.reason, strength: l.strength, by: 'bench', at: $now}]->(b)
RETURN count(*) AS links
