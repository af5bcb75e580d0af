// Memories by id with what the time operations check first: scope, status, place in event time.
UNWIND $ids AS id
MATCH (m:Memory {id: id})
RETURN m.id AS id, m.scope AS scope, m.status AS status, m.occurredAt AS occurredAt, m.seq AS seq,
       m.validTo AS validTo
