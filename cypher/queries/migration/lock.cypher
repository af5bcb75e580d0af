// Taken by the replica that migrates the schema, held until it is done: replicas starting together take turns.
MERGE (l:__MigrationLock {name: 'schema'})
SET l.lockedAt = datetime()
