// The vector index has no pre-filter in Neo4j 5.26: ask for $k over the whole store, keep this scope's.
CALL db.index.vector.queryNodes('memory_embedding', $k, $vector) YIELD node, score
WHERE node.scope = $scope AND node.status <> 'ARCHIVED'
  AND node.occurredAt <= $at AND ($includeSuperseded OR node.validTo IS NULL OR node.validTo > $at)
  AND ($from IS NULL OR node.occurredAt >= $from) AND ($to IS NULL OR node.occurredAt <= $to)
RETURN node.id AS id, score
ORDER BY score DESC
LIMIT $limit
