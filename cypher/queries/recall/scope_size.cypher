// How many memories the scope has, against the whole store: decides how far to over-fetch from the shared vector index.
OPTIONAL MATCH (s:Scope {name: $scope})
WITH s
CALL { MATCH (m:Memory) RETURN count(m) AS total }
RETURN coalesce(s.memories, 0) AS memories, total
