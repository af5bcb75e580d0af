// Takes a session out of its scope's NEXT chain, mending the chain (previous -> next); deletes it when $delete.
MATCH (s:Session {key: $key})
OPTIONAL MATCH (p:Session)-[a:NEXT]->(s)
OPTIONAL MATCH (s)-[b:NEXT]->(n:Session)
FOREACH (x IN CASE WHEN p IS NULL OR n IS NULL THEN [] ELSE [p] END | MERGE (x)-[:NEXT]->(n))
DELETE a, b
WITH DISTINCT s
FOREACH (x IN CASE WHEN $delete THEN [s] ELSE [] END | DETACH DELETE x)
