// Bench only: each session's Session node and its members, as Sessions.attach leaves them, for many scopes
// ($scopes: [{scope, sessions}]).
UNWIND $scopes AS sc
UNWIND sc.sessions AS sess
CREATE (se:Session {key: sc.scope + '|' + sess.id, scope: sc.scope, id: sess.id, startedAt: sess.startedAt,
                    endedAt: sess.endedAt})
WITH se, sess
UNWIND sess.ids AS id
MATCH (m:Memory {id: id})
CREATE (m)-[:IN_SESSION]->(se)
RETURN count(*) AS members
