// $query already holds the scope filter (scopeKey:…) and the escaped terms.
CALL db.index.fulltext.queryNodes('memory_text', $query, {limit: $limit}) YIELD node, score
WHERE node.scope = $scope AND node.status <> 'ARCHIVED'
RETURN node.id AS id, score
