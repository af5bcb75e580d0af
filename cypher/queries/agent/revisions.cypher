MATCH (m:Memory {id: $id})-[:REVISED]->(r:Revision)
RETURN r {.id, .at, .agent, .reason, .field, .before, .after, .memoryId} AS revision
ORDER BY r.at DESC, r.id DESC
