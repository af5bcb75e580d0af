// Export: a page of a scope's tag nodes in key order after $after ('' for the first page), centroid included.
MATCH (t:Tag)
WHERE t.scope = $scope AND t.key > $after
WITH t ORDER BY t.key LIMIT $limit
RETURN properties(t) AS node
