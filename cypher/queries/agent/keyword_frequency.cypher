// In how many memories of the scope each word is already a keyword, and how many memories the scope has.
MATCH (s:Scope {name: $scope})
UNWIND $words AS w
OPTIONAL MATCH (k:Keyword {key: $scope + '|' + w})
RETURN w AS word, coalesce(k.df, 0) AS df, s.memories AS scopeSize
