// Rewires a NEXT chain so that $id stands between $previous and $next (either may be null).
MATCH (m:Memory {id: $id})
OPTIONAL MATCH (p:Memory {id: $previous})
OPTIONAL MATCH (n:Memory {id: $next})
OPTIONAL MATCH (p)-[old:NEXT]->(n)
DELETE old
FOREACH (x IN CASE WHEN p IS NULL THEN [] ELSE [p] END | MERGE (x)-[:NEXT]->(m))
FOREACH (x IN CASE WHEN n IS NULL THEN [] ELSE [n] END | MERGE (m)-[:NEXT]->(x))
