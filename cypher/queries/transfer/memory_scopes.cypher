// Import: which of these memories exist, and in which scope.
UNWIND $ids AS id
MATCH (m:Memory {id: id})
RETURN m.id AS id, m.scope AS scope
