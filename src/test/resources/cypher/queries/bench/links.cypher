// Bench only: the agent's LINKED edges of these scopes, by caller id, for the analysis of multi-hop questions.
MATCH (a:Memory)-[l:LINKED]->(b:Memory) WHERE a.scope IN $scopes
RETURN a.scope AS scope, a.externalId AS from, b.externalId AS to, l.strength AS strength, l.reason AS reason
