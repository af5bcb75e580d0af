// Test only: links two memories as the memory agent will, so recall's LINKED expansion can be tested before it exists.
MATCH (a:Memory {id: $from}), (b:Memory {id: $to})
MERGE (a)-[l:LINKED]->(b)
SET l.reason = $reason, l.strength = $strength, l.by = 'test', l.at = datetime()
