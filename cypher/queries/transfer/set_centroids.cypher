// Import: the centroids of tags just created.
UNWIND $rows AS r
MATCH (t:Tag {key: r.key})
CALL db.create.setNodeVectorProperty(t, 'centroid', r.centroid)
