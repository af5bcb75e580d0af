// Which of these (scope|externalId) keys are already stored, and as which memory.
UNWIND $keys AS key
MATCH (m:Memory {scopedExternalId: key})
RETURN key, m.id AS id
