MATCH (m:Memory {id: $id})
SET m.validTo = $validTo
