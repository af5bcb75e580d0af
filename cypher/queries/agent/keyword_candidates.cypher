// Memories sharing one of the new memory's rarer keywords.
UNWIND $keywords AS k
MATCH (kw:Keyword {key: $scope + '|' + k})
WHERE kw.df <= $maxDf
MATCH (node:Memory)-[:HAS_KEYWORD]->(kw)
WHERE node.id <> $id AND node.status <> 'ARCHIVED'
RETURN DISTINCT node.id AS id
LIMIT $limit
