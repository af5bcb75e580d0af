MATCH (k:Keyword {key: $key})
RETURN count(k) AS n, sum(k.df) AS df
