MATCH (node:Memory {scope: $scope})
WHERE node.id <> $id AND node.status <> 'ARCHIVED'
WITH node, vector.similarity.cosine(node.embedding, $vector) AS score
ORDER BY score DESC
LIMIT $limit
RETURN node.id AS id
