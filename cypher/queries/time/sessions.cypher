// A scope's sessions in order of their start, with how many memories (not archived) each holds.
MATCH (s:Session {scope: $scope})
RETURN s.id AS id, s.scope AS scope, s.startedAt AS startedAt, s.endedAt AS endedAt,
       COUNT { (m:Memory)-[:IN_SESSION]->(s) WHERE m.status <> 'ARCHIVED' } AS memoryCount
ORDER BY startedAt, id
