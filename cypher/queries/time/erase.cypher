// Hard forget: erases a memory and everything that holds its content: its node (and so its edges), its revisions,
// revisions it caused on other memories, and keywords and tags no other memory has. The session's NEXT chain is
// mended around it (previous -> next). Returns its session for the caller to refresh.
MATCH (m:Memory {id: $id})
OPTIONAL MATCH (p:Memory)-[:NEXT]->(m)
OPTIONAL MATCH (m)-[:NEXT]->(n:Memory)
FOREACH (x IN CASE WHEN p IS NULL OR n IS NULL THEN [] ELSE [p] END | MERGE (x)-[:NEXT]->(n))
WITH DISTINCT m
OPTIONAL MATCH (m)-[:IN_SESSION]->(s:Session)
WITH m, s.key AS session, m.scope AS scope, [(m)-[:HAS_KEYWORD|TAGGED]->(l) | l] AS labels
CALL {
  WITH m
  OPTIONAL MATCH (m)-[:REVISED]->(r:Revision)
  DETACH DELETE r
}
CALL {
  WITH m
  OPTIONAL MATCH (r:Revision {cause: m.id})
  DETACH DELETE r
}
MATCH (sc:Scope {name: scope})
SET sc.memories = sc.memories - 1
DETACH DELETE m
WITH session, labels
CALL {
  WITH labels
  UNWIND labels AS l
  WITH l
  WHERE NOT EXISTS { (l)<-[:HAS_KEYWORD|TAGGED]-(:Memory) }
  DETACH DELETE l
}
RETURN session
