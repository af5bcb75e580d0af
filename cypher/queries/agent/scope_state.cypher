// What the agent needs of a scope before a batch, in one round trip: for each word, in how many memories of the
// scope it is already a keyword (kind 'word', with the scope's and the store's sizes); and the scope's tags with
// their centroids, counts and whether a caller gave them (kind 'tag'). seq: how many memories the scope has numbered, later arrivals included.
// The store's count comes first and alone, so that it is read from the count store rather than by scanning memories.
MATCH (anyMemory:Memory)
WITH count(anyMemory) AS storeSize
MATCH (s:Scope {name: $scope})
UNWIND CASE WHEN size($words) = 0 THEN [null] ELSE $words END AS w
OPTIONAL MATCH (k:Keyword {key: $scope + '|' + w})
RETURN 'word' AS kind, w AS name, coalesce(k.df, 0) AS df, null AS centroid, null AS byCaller, s.memories AS scopeSize,
       s.seq AS seq, storeSize
UNION ALL
MATCH (t:Tag {scope: $scope})
RETURN 'tag' AS kind, t.name AS name, coalesce(t.df, 0) AS df, t.centroid AS centroid,
       coalesce(t.byCaller, false) AS byCaller, null AS scopeSize, null AS seq, null AS storeSize
