// Records one change of one field of a memory. before/after are the values as text (ISO-8601 for times; absent for
// null). cause names the memory whose arrival or update caused the change, if any, so erasing it erases this too.
MATCH (m:Memory {id: $id})
CREATE (m)-[:REVISED]->(:Revision {id: $r.id, memoryId: $id, scope: m.scope, at: $r.at, agent: $r.agent, reason: $r.reason,
                                   field: $r.field, before: $r.before, after: $r.after, cause: $r.cause})
