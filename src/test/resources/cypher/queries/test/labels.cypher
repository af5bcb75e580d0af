MATCH (l)
WHERE (l:Keyword OR l:Tag) AND l.scope = $scope
RETURN l.name AS name
