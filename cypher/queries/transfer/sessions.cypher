// Export: a page of a scope's sessions in key order after $after ('' for the first page), with the session that
// follows each in the scope's chain.
MATCH (s:Session)
WHERE s.scope = $scope AND s.key > $after
WITH s ORDER BY s.key LIMIT $limit
RETURN properties(s) AS session, [(s)-[:NEXT]->(n:Session) | n.id] AS next
