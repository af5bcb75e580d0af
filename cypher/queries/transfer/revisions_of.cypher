// Export: the revisions of these memories, every property, oldest first.
UNWIND $ids AS id
MATCH (:Memory {id: id})-[:REVISED]->(r:Revision)
RETURN properties(r) AS revision
ORDER BY r.at, r.id
