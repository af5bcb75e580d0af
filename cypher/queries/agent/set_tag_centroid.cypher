// Moves the centroids of a scope's tags (the mean embedding of their memories), once per batch.
UNWIND $tags AS tag
MATCH (t:Tag {key: $scope + '|' + tag.name})
CALL db.create.setNodeVectorProperty(t, 'centroid', tag.centroid)
