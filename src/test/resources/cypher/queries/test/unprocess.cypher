// Puts a memory back where it is between its store and the agent's step (the step failed): PENDING, without the
// keywords (their counts lowered) and links the agent gave it, as a crash or an LLM outage would leave it.
MATCH (m:Memory {id: $id})
OPTIONAL MATCH (m)-[l:LINKED]-()
DELETE l
WITH DISTINCT m
OPTIONAL MATCH (m)-[h:HAS_KEYWORD]->(k:Keyword)
SET k.df = k.df - 1
DELETE h
WITH DISTINCT m
SET m.status = 'PENDING', m.keywords = []
