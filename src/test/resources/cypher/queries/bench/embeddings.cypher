// Bench only: every memory's embedding by caller id, for offline analysis of recall (-Dbench.dump=true).
MATCH (m:Memory) WHERE m.scope IN $scopes
RETURN m.scope AS scope, m.externalId AS id, m.embedding AS embedding
