// Candidates for linking each new memory of a batch, in one round trip: per item, its nearest memories of the scope
// by embedding (server mode: over-fetched from Neo4j's vector index; when $k is -1, the ids item.near the caller
// found itself, nearest first, of which the first $limit not forgotten) and the memories sharing one of its rare
// keywords, with what the agent needs of each. Memories of the batch are left out: the caller has them, with notes
// the graph does not hold yet; so are memories stored after the batch (seq ≥ $before, by another writer between this
// batch's two transactions), which arrived later.
// Similarities are the caller's to compute (it holds the vectors: faster than reading them back).
UNWIND $items AS item
CALL {
  WITH item
  WITH item WHERE $k >= 0
  CALL db.index.vector.queryNodes('memory_embedding', CASE WHEN $k > 0 THEN $k ELSE 1 END, item.vector)
  YIELD node, score
  WHERE node.scope = $scope AND NOT node.id IN $batch AND node.status <> 'ARCHIVED'
    AND coalesce(node.seq, 0) < $before
  WITH node, score ORDER BY score DESC LIMIT $limit
  RETURN node, 1 AS byVector
  UNION
  WITH item
  WITH item WHERE $k < 0
  UNWIND item.near AS nearId
  MATCH (node:Memory {id: nearId})
  WHERE node.status <> 'ARCHIVED'
  WITH node LIMIT $limit
  RETURN node, 1 AS byVector
  UNION
  WITH item
  UNWIND item.rare AS k
  MATCH (:Keyword {key: $scope + '|' + k})<-[:HAS_KEYWORD]-(node:Memory)
  WHERE NOT node.id IN $batch AND node.status <> 'ARCHIVED' AND coalesce(node.seq, 0) < $before
  WITH DISTINCT node LIMIT $limit
  RETURN node, 0 AS byVector
}
WITH item, node, max(byVector) AS byVector
RETURN item.i AS i, node.id AS id, node.content AS content, node.context AS context, node.keywords AS keywords,
       node.tags AS tags, node.sessionId AS sessionId, node.occurredAt AS occurredAt, byVector
