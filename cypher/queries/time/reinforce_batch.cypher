// Recall is a use (MemoryBank), written in batches after the answers went out: each row is one memory with how many
// recalls returned it since the last batch ($rows[].count) and the moment of the latest ($rows[].at). The same result
// as time/reinforce run once per recall; rows come sorted by id so concurrent writers lock nodes in one order.
UNWIND $rows AS row
MATCH (m:Memory {id: row.id})
WITH m, row, coalesce(m.strength, 1.0) + $growth * row.count AS grown
SET m.recallCount = coalesce(m.recallCount, 0) + row.count,
    m.lastRecalledAt = row.at,
    m.strength = CASE WHEN grown > $max THEN $max ELSE grown END
