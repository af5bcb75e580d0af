// Export: a page of a scope's memories in id order after $after ('' for the first page), every property, with the
// names of the keyword and tag nodes each points to (edges, which can lag a revised list: they are carried as they are).
MATCH (m:Memory)
WHERE m.scope = $scope AND m.id > $after
WITH m ORDER BY m.id LIMIT $limit
RETURN properties(m) AS memory,
       [(m)-[:HAS_KEYWORD]->(k:Keyword) | k.name] AS hasKeyword,
       [(m)-[:TAGGED]->(t:Tag) | t.name] AS tagged
