// The agent's links of a batch of new memories, in one statement: each stored once (new → old), read in both
// directions, with the agent that decided it (link.by); a link that already exists either way is updated instead.
UNWIND $links AS link
MATCH (a:Memory {id: link.from})
MATCH (b:Memory {id: link.to})
WHERE b.scope = a.scope AND b <> a
OPTIONAL MATCH (b)-[back:LINKED]->(a)
FOREACH (_ IN CASE WHEN back IS NULL THEN [1] ELSE [] END |
  MERGE (a)-[l:LINKED]->(b)
  SET l.reason = link.reason, l.strength = link.strength, l.by = link.by, l.at = $at)
FOREACH (_ IN CASE WHEN back IS NULL THEN [] ELSE [1] END |
  SET back.reason = link.reason, back.strength = link.strength, back.by = link.by, back.at = $at)
RETURN b.id AS id
