// Recall is a use (MemoryBank): what it returned is remembered a little better. Touches only the memories' own
// counters, so it needs no scope lock; $ids come sorted so concurrent recalls lock nodes in one order.
// The first SET takes the node's write lock, so the strength read after it is the latest: read before it (in a WITH),
// two recalls at once through two replicas each read the same strength and one increase was lost.
UNWIND $ids AS id
MATCH (m:Memory {id: id})
SET m.recallCount = coalesce(m.recallCount, 0) + 1,
    m.lastRecalledAt = $now
WITH m, coalesce(m.strength, 1.0) + $growth AS grown
SET m.strength = CASE WHEN grown > $max THEN $max ELSE grown END
