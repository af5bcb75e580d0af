MATCH (t:Tag {key: $scope + '|' + $name})
CALL db.create.setNodeVectorProperty(t, 'centroid', $centroid)
