// Candidates for linking a new memory, in one round trip: its nearest memories of the scope by embedding (over-fetched
// from the shared index, or an exact scan when $k is -1), plus memories sharing one of its rarer keywords; with what
// the agent needs of each and the keywords it shares with the new memory and their df.
CALL {
  WITH 1 AS one
  WHERE $k >= 0
  CALL db.index.vector.queryNodes('memory_embedding', CASE WHEN $k > 0 THEN $k ELSE 1 END, $vector) YIELD node, score
  WHERE node.scope = $scope AND node.id <> $id AND node.status <> 'ARCHIVED'
  RETURN node
  ORDER BY score DESC
  LIMIT $limit
  UNION
  WITH 1 AS one
  WHERE $k < 0
  MATCH (node:Memory {scope: $scope})
  WHERE node.id <> $id AND node.status <> 'ARCHIVED'
  WITH node, vector.similarity.cosine(node.embedding, $vector) AS score
  ORDER BY score DESC
  LIMIT $limit
  RETURN node
  UNION
  UNWIND $keywords AS k
  MATCH (kw:Keyword {key: $scope + '|' + k})
  WHERE kw.df <= $maxDf
  MATCH (node:Memory)-[:HAS_KEYWORD]->(kw)
  WHERE node.id <> $id AND node.status <> 'ARCHIVED'
  WITH DISTINCT node LIMIT $limit
  RETURN node
}
WITH DISTINCT node AS n
RETURN n.id AS id, n.content AS content, n.context AS context, n.keywords AS keywords, n.tags AS tags,
       n.sessionId AS sessionId, n.occurredAt AS occurredAt,
       2 * vector.similarity.cosine(n.embedding, $vector) - 1 AS similarity,
       [(n)-[:HAS_KEYWORD]->(kw:Keyword) WHERE kw.name IN $keywords | [kw.name, kw.df]] AS shared
