// Import: whether a scope exists already.
OPTIONAL MATCH (s:Scope {name: $scope})
RETURN s IS NOT NULL AS present
