MATCH (m:Memory {id: $id})
SET m.status = $status
