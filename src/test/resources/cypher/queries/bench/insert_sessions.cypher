// Bench only: each session's Session node and its members, as Sessions.attach leaves them.
UNWIND $sessions AS sess
CREATE (se:Session {key: $scope + '|' + sess.id, scope: $scope, id: sess.id, startedAt: sess.startedAt,
                    endedAt: sess.endedAt})
WITH se, sess
UNWIND sess.ids AS id
MATCH (m:Memory {id: id})
CREATE (m)-[:IN_SESSION]->(se)
RETURN count(*) AS members
