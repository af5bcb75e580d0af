// Test only: the shape of one session's NEXT chain: edges inside the session, and the most edges in or out of a memory.
MATCH (s:Session {key: $key})<-[:IN_SESSION]-(m:Memory)
WITH collect(m) AS ms
UNWIND ms AS m
RETURN size(ms) AS memories,
       sum(COUNT { (m)-[:NEXT]->(n:Memory) WHERE n IN ms }) AS edges,
       max(COUNT { (m)-[:NEXT]->() }) AS maxOut,
       max(COUNT { ()-[:NEXT]->(m) }) AS maxIn
