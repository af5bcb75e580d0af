// The ids of a scope's memories stored before the batch, for an exact nearest-neighbour pass by the caller when
// the scope is small enough that comparing them all costs less than one index query per new memory.
MATCH (m:Memory {scope: $scope})
WHERE NOT m.id IN $batch AND m.status <> 'ARCHIVED' AND coalesce(m.seq, 0) < $before
RETURN m.id AS id
