// Import: creates the tag nodes absent from the store; one present is left as it is. Centroids follow in
// transfer/set_centroids (a vector property is written by procedure).
UNWIND $rows AS r
OPTIONAL MATCH (old:Tag {key: r.key})
WITH r, old WHERE old IS NULL
CREATE (t:Tag)
SET t = r
RETURN t.key AS key
