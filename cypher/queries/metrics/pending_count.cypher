// How many memories wait for the agent (stored, not yet processed): through the status index.
MATCH (m:Memory)
WHERE m.status = 'PENDING'
RETURN count(m) AS pending
