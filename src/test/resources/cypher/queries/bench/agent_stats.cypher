// Bench only: what the agent built in these scopes.
MATCH (m:Memory) WHERE m.scope IN $scopes
WITH collect(m) AS ms
RETURN size([m IN ms WHERE m.status = 'PENDING']) AS pending,
       COUNT { MATCH (a:Memory)-[:LINKED]->(:Memory) WHERE a.scope IN $scopes } AS links,
       COUNT { MATCH (r:Revision) WHERE r.scope IN $scopes } AS revisions,
       COUNT { MATCH (a:Memory)-[:SUPERSEDES]->(:Memory) WHERE a.scope IN $scopes } AS updates
