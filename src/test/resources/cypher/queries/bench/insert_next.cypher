// Bench only: NEXT chains, memory to memory inside a session ($memories) and session to session ($sessions, keys).
CALL {
  UNWIND $memories AS p
  MATCH (a:Memory {id: p.from}), (b:Memory {id: p.to})
  CREATE (a)-[:NEXT]->(b)
}
CALL {
  UNWIND $sessions AS p
  MATCH (a:Session {key: p.from}), (b:Session {key: p.to})
  CREATE (a)-[:NEXT]->(b)
}
RETURN 1 AS done
