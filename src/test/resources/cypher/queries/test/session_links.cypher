// Test only: NEXT links between the sessions of a scope.
MATCH (:Session {scope: $scope})-[l:NEXT]->(:Session {scope: $scope})
RETURN count(l) AS links
