// Export: one scope's own node (when it was created); no row when the scope does not exist.
MATCH (s:Scope {name: $scope})
RETURN s.name AS name, s.createdAt AS createdAt
