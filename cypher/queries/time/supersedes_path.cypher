// Whether $from already supersedes $to, directly or through a chain of updates (superseding back would be a cycle).
MATCH (a:Memory {id: $from}), (b:Memory {id: $to})
RETURN EXISTS { (a)-[:SUPERSEDES*1..]->(b) } AS found
