// Import: a scope keeps the earliest creation time of its copies. Taken after memory/lock_scope, which creates it.
MATCH (s:Scope {name: $scope})
SET s.createdAt = CASE WHEN $createdAt IS NOT NULL AND $createdAt < s.createdAt THEN $createdAt ELSE s.createdAt END
