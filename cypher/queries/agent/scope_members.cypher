// The ids of a scope's memories (the batch's own left out), for an exact nearest-neighbour pass by the caller when
// the scope is small enough that comparing them all costs less than one index query per new memory.
MATCH (m:Memory {scope: $scope})
WHERE NOT m.id IN $batch AND m.status <> 'ARCHIVED'
RETURN m.id AS id
