MATCH (m:Memory {scopedExternalId: $key})
RETURN m.id AS id
