// Every scope, the largest first: the order embedded mode reads their vectors in at start.
MATCH (s:Scope)
RETURN s.name AS name, coalesce(s.memories, 0) AS memories
ORDER BY memories DESC
