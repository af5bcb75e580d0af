// Memories within $depth LINKED hops (either direction) or one NEXT step, nearest first.
MATCH (m:Memory {id: $id})
MATCH path = (m)-[:LINKED*1..3]-(other:Memory)
WHERE length(path) <= $depth AND other <> m AND other.status <> 'ARCHIVED'
WITH other, min(length(path)) AS hops
RETURN other.id AS id, hops
ORDER BY hops, other.id
LIMIT $limit
