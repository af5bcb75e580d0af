// Nearest memories of the scope by embedding (over-fetched from the shared index: it has no scope pre-filter).
CALL db.index.vector.queryNodes('memory_embedding', $k, $vector) YIELD node, score
WHERE node.scope = $scope AND node.id <> $id AND node.status <> 'ARCHIVED'
RETURN node.id AS id
ORDER BY score DESC
LIMIT $limit
