// Exact similarity within one scope, for a scope too small a share of the store for the index to find it.
// the hint pins the plan: on a large store whose index samples lag, Neo4j chose the occurredAt range (every memory)
MATCH (node:Memory {scope: $scope}) USING INDEX node:Memory(scope)
WHERE node.status <> 'ARCHIVED'
  AND node.occurredAt <= $at AND ($includeSuperseded OR node.validTo IS NULL OR node.validTo > $at)
  AND ($from IS NULL OR node.occurredAt >= $from) AND ($to IS NULL OR node.occurredAt <= $to)
WITH node, vector.similarity.cosine(node.embedding, $vector) AS score
ORDER BY score DESC
LIMIT $limit
RETURN node.id AS id, score
