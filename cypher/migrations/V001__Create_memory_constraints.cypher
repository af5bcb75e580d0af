// Identity and uniqueness of memories and their scopes.
CREATE CONSTRAINT memory_id IF NOT EXISTS FOR (m:Memory) REQUIRE m.id IS UNIQUE;
// (scope, externalId) as one key: safe retries of the same caller id within a scope.
CREATE CONSTRAINT memory_scoped_external_id IF NOT EXISTS FOR (m:Memory) REQUIRE m.scopedExternalId IS UNIQUE;
CREATE CONSTRAINT scope_name IF NOT EXISTS FOR (s:Scope) REQUIRE s.name IS UNIQUE;
CREATE INDEX memory_scope IF NOT EXISTS FOR (m:Memory) ON (m.scope);
