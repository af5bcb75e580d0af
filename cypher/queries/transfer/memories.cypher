// Export: a page of a scope's memories in id order after $after ('' for the first page), every property, with the
// names of the keyword and tag nodes each points to (edges, which can lag a revised list: they are carried as they are).
// the hint pins the plan to the (scope, id) index: planned on a small store, each page sought the whole scope
MATCH (m:Memory) USING INDEX m:Memory(scope, id)
WHERE m.scope = $scope AND m.id > $after
WITH m ORDER BY m.id LIMIT $limit
RETURN properties(m) AS memory,
       [(m)-[:HAS_KEYWORD]->(k:Keyword) | k.name] AS hasKeyword,
       [(m)-[:TAGGED]->(t:Tag) | t.name] AS tagged
