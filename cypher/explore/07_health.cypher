// Health checks, all of which should be 0: keywords, tags and sessions no memory points to, revisions cut from their memory, links and updates across scopes, and superseded memories still valid.
RETURN COUNT { (k:Keyword) WHERE NOT EXISTS { (:Memory)-[:HAS_KEYWORD]->(k) } } AS orphanKeywords,
       COUNT { (t:Tag) WHERE NOT EXISTS { (:Memory)-[:TAGGED]->(t) } } AS orphanTags,
       COUNT { (s:Session) WHERE NOT EXISTS { (:Memory)-[:IN_SESSION]->(s) } } AS emptySessions,
       COUNT { (r:Revision) WHERE NOT EXISTS { (:Memory)-[:REVISED]->(r) } } AS orphanRevisions,
       COUNT { (a:Memory)-[:LINKED|SUPERSEDES]->(b:Memory) WHERE a.scope <> b.scope } AS crossScopeEdges,
       COUNT { (:Memory)-[:SUPERSEDES]->(old:Memory) WHERE old.validTo IS NULL } AS supersededButValid
