// Taken first in every write transaction of a scope: writers of one scope take turns (arrival order), so keyword,
// tag and session nodes are never duplicated and chains never fork. Scopes do not wait for each other.
MERGE (s:Scope {name: $scope})
ON CREATE SET s.createdAt = $now, s.seq = 0, s.memories = 0
SET s.touchedAt = $now
RETURN s.seq AS seq
