MATCH (m:Memory)-[:REVISED]->(r:Revision {id: $revisionId})
RETURN r {.id, .at, .agent, .reason, .field, .before, .after, .memoryId} AS revision, m.scope AS scope,
       m.context AS context, m.tags AS tags, m.keywords AS keywords
