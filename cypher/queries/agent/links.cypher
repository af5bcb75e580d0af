// A memory's links in both directions, strongest first.
MATCH (m:Memory {id: $id})-[l:LINKED]-(other:Memory)
WHERE other.status <> 'ARCHIVED'
RETURN other.id AS memoryId, l.reason AS reason, l.strength AS strength, l.by AS by, l.at AS at
ORDER BY l.strength DESC, other.id
