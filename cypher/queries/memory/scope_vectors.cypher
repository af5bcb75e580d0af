// Every memory of one scope with its embedding and arrival number: what embedded mode's in-process vector index holds.
MATCH (m:Memory {scope: $scope})
RETURN m.id AS id, coalesce(m.seq, 0) AS seq, m.embedding AS embedding
