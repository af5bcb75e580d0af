// Export pages through a scope's memories in id order: an index on (scope, id) serves each page without sorting
// the whole scope.
CREATE INDEX memory_scope_id IF NOT EXISTS FOR (m:Memory) ON (m.scope, m.id);
