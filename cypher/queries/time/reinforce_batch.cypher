// Recall is a use (MemoryBank), written in batches after the answers went out: each row is one memory with how many
// recalls returned it since the last batch ($rows[].count) and the moment of the latest ($rows[].at). The same result
// as time/reinforce run once per recall; rows come sorted by id so concurrent writers lock nodes in one order.
// The first SET takes the node's write lock, so the strength read after it is the latest: read before it, two writers
// at once (two replicas) each read the same strength and one increase is lost. lastRecalledAt never moves back.
UNWIND $rows AS row
MATCH (m:Memory {id: row.id})
SET m.recallCount = coalesce(m.recallCount, 0) + row.count
SET m.lastRecalledAt = CASE WHEN m.lastRecalledAt IS NULL OR m.lastRecalledAt < row.at THEN row.at
                            ELSE m.lastRecalledAt END
WITH m, row, coalesce(m.strength, 1.0) + $growth * row.count AS grown
SET m.strength = CASE WHEN grown > $max THEN $max ELSE grown END
