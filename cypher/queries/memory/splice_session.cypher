MATCH (m:Session {key: $id})
OPTIONAL MATCH (p:Session {key: $previous})
OPTIONAL MATCH (n:Session {key: $next})
OPTIONAL MATCH (p)-[old:NEXT]->(n)
DELETE old
FOREACH (x IN CASE WHEN p IS NULL THEN [] ELSE [p] END | MERGE (x)-[:NEXT]->(m))
FOREACH (x IN CASE WHEN n IS NULL THEN [] ELSE [n] END | MERGE (m)-[:NEXT]->(x))
