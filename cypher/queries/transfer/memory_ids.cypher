// Export: a page of a scope's memory ids in id order after $after ('' for the first page).
// the hint pins the plan to the (scope, id) index: planned on a small store, each page sought the whole scope
MATCH (m:Memory) USING INDEX m:Memory(scope, id)
WHERE m.scope = $scope AND m.id > $after
RETURN m.id AS id
ORDER BY m.id LIMIT $limit
