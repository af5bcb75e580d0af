// In how many memories of the scope each word is already a keyword; how many memories the scope and the store hold.
MATCH (s:Scope {name: $scope})
CALL { MATCH (m:Memory) RETURN count(m) AS storeSize }
UNWIND CASE WHEN size($words) = 0 THEN [null] ELSE $words END AS w
OPTIONAL MATCH (k:Keyword {key: $scope + '|' + w})
RETURN w AS word, coalesce(k.df, 0) AS df, s.memories AS scopeSize, storeSize
