MATCH (m:Memory {id: $id})
WHERE m.status = 'PENDING'
SET m.status = 'READY'
