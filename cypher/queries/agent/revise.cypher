// Changes one field of an existing memory and records the change as a revision (newest first through REVISED).
// cause: the memory whose arrival caused the change, so that erasing it can undo and erase the change too.
MATCH (m:Memory {id: $id})
CREATE (r:Revision {id: $revisionId, memoryId: $id, scope: m.scope, at: $at, agent: $agent, reason: $reason,
                    field: $field, before: $before, after: $after, cause: $cause})
CREATE (m)-[:REVISED]->(r)
FOREACH (_ IN CASE WHEN $field = 'context' THEN [1] ELSE [] END | SET m.context = $value)
FOREACH (_ IN CASE WHEN $field = 'tags' THEN [1] ELSE [] END | SET m.tags = $list)
FOREACH (_ IN CASE WHEN $field = 'keywords' THEN [1] ELSE [] END | SET m.keywords = $list, m.keywordText = $keywordText)
RETURN r.id AS id
