MATCH (t:Tag {scope: $scope})
RETURN t.name AS name, t.centroid AS centroid, coalesce(t.df, 0) AS memories
