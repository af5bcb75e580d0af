MATCH (:Memory {id: $id})-[:REVISED]->(r:Revision)
RETURN r {.*} AS revision
ORDER BY r.at, r.field
