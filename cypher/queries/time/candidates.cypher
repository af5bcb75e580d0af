// What time-aware ranking needs of recall's candidates: when each happened, and how strong and fresh it is.
UNWIND $ids AS id
MATCH (m:Memory {id: id})
RETURN m.id AS id, m.occurredAt AS occurredAt, m.strength AS strength, m.lastRecalledAt AS lastRecalledAt
