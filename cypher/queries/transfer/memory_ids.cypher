// Export: a page of a scope's memory ids in id order after $after ('' for the first page).
MATCH (m:Memory)
WHERE m.scope = $scope AND m.id > $after
RETURN m.id AS id
ORDER BY m.id LIMIT $limit
