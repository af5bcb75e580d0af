// Export: a page of a scope's keyword nodes in key order after $after ('' for the first page).
MATCH (k:Keyword)
WHERE k.scope = $scope AND k.key > $after
WITH k ORDER BY k.key LIMIT $limit
RETURN properties(k) AS node
