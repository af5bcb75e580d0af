// Changes fields of existing memories, each change recorded as a revision (newest first through REVISED), in the
// order given. cause: the memory whose arrival caused the change, so that erasing it can undo and erase it too.
UNWIND $revisions AS r
MATCH (m:Memory {id: r.id})
CREATE (rev:Revision {id: r.revisionId, memoryId: r.id, scope: m.scope, at: r.at, agent: r.agent, reason: r.reason,
                      field: r.field, before: r.before, after: r.after, cause: r.cause})
CREATE (m)-[:REVISED]->(rev)
FOREACH (_ IN CASE WHEN r.field = 'context' THEN [1] ELSE [] END | SET m.context = r.value)
FOREACH (_ IN CASE WHEN r.field = 'tags' THEN [1] ELSE [] END | SET m.tags = r.list)
FOREACH (_ IN CASE WHEN r.field = 'keywords' THEN [1] ELSE [] END | SET m.keywords = r.list, m.keywordText = r.keywordText)
RETURN rev.id AS id
