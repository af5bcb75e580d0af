// Bench only: takes back what recall reinforced in these scopes (strength, recallCount, lastRecalledAt as stored), so
// that every variant is asked on the same graph, as the outside check asks each strategy on a fresh server.
MATCH (m:Memory)
WHERE m.scope IN $scopes
SET m.strength = 1.0, m.recallCount = 0
REMOVE m.lastRecalledAt
