// Recall is a use (MemoryBank): what it returned is remembered a little better. Touches only the memories' own
// counters, so it needs no scope lock; $ids come sorted so concurrent recalls lock nodes in one order.
UNWIND $ids AS id
MATCH (m:Memory {id: id})
WITH m, coalesce(m.strength, 1.0) + $growth AS grown
SET m.recallCount = coalesce(m.recallCount, 0) + 1,
    m.lastRecalledAt = $now,
    m.strength = CASE WHEN grown > $max THEN $max ELSE grown END
