MATCH (s:Scope {name: $scope})
RETURN s.memories AS memories
