// What a memory's status was before it was last archived: PENDING when the agent had not processed it yet (its step
// failed, or it had not run), so that a restore hands it back to the agent instead of marking it READY unprocessed.
MATCH (m:Memory {id: $id})-[:REVISED]->(r:Revision {field: 'status', after: 'ARCHIVED'})
RETURN r.before AS before
ORDER BY r.at DESC
LIMIT 1
