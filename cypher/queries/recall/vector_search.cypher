// Neo4j 2026.01 and newer: the scope filter runs inside the vector index (the index holds m.scope, see V011), so
// $k only has to cover what the status and time filters drop, however small the scope's share of the store.
CYPHER 25
MATCH (node:Memory)
  SEARCH node IN (VECTOR INDEX memory_embedding FOR $vector WHERE node.scope = $scope LIMIT $k) SCORE AS score
WITH node, score
WHERE node.status <> 'ARCHIVED'
  AND node.occurredAt <= $at AND ($includeSuperseded OR node.validTo IS NULL OR node.validTo > $at)
  AND ($from IS NULL OR node.occurredAt >= $from) AND ($to IS NULL OR node.occurredAt <= $to)
RETURN node.id AS id, score
ORDER BY score DESC
LIMIT $limit
