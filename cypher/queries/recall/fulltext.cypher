// $query already holds the scope filter (scopeKey:…) and the escaped terms.
CALL db.index.fulltext.queryNodes('memory_text', $query, {limit: $k}) YIELD node, score
WHERE node.scope = $scope AND node.status <> 'ARCHIVED'
  AND node.occurredAt <= $at AND ($includeSuperseded OR node.validTo IS NULL OR node.validTo > $at)
  AND ($from IS NULL OR node.occurredAt >= $from) AND ($to IS NULL OR node.occurredAt <= $to)
RETURN node.id AS id, score
LIMIT $limit
