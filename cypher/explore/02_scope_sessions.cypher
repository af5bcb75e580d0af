// A scope at a glance: its sessions in order and how many memories each holds. Set :param scope => 'demo'
MATCH (s:Session {scope: $scope})
OPTIONAL MATCH (m:Memory)-[:IN_SESSION]->(s)
RETURN s.id AS session, s.startedAt AS started, count(m) AS memories
ORDER BY started
