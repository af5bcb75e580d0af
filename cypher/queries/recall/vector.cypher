// The vector index has no pre-filter in Neo4j 5.26: ask for $k over the whole store, keep this scope's.
CALL db.index.vector.queryNodes('memory_embedding', $k, $vector) YIELD node, score
WHERE node.scope = $scope AND node.status <> 'ARCHIVED'
RETURN node.id AS id, score
ORDER BY score DESC
LIMIT $limit
