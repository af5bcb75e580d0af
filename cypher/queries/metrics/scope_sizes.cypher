// How many scopes hold how many memories, by size bucket: one Scope node a scope, counted by the write path.
MATCH (s:Scope)
WITH coalesce(s.memories, 0) AS n
RETURN CASE WHEN n <= 100 THEN '1-100' WHEN n <= 1000 THEN '101-1000' WHEN n <= 10000 THEN '1001-10000'
            WHEN n <= 100000 THEN '10001-100000' ELSE '100001+' END AS bucket, count(*) AS scopes
