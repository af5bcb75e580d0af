// What time-aware ranking needs of recall's candidates: when each happened, the time spans its content mentions, and
// how strong and fresh it is.
UNWIND $ids AS id
MATCH (m:Memory {id: id})
RETURN m.id AS id, m.occurredAt AS occurredAt, m.strength AS strength, m.lastRecalledAt AS lastRecalledAt,
       m.mentionTexts AS mentionTexts, m.mentionFroms AS mentionFroms, m.mentionTos AS mentionTos
