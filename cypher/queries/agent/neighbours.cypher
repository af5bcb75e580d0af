// What the agent needs to know of each candidate, and the keywords it shares with the new memory with their df.
UNWIND $ids AS cid
MATCH (n:Memory {id: cid})
RETURN n.id AS id, n.content AS content, n.context AS context, n.keywords AS keywords, n.tags AS tags,
       n.sessionId AS sessionId, n.occurredAt AS occurredAt, n.embedding AS embedding,
       [(n)-[:HAS_KEYWORD]->(kw:Keyword) WHERE kw.name IN $keywords | [kw.name, kw.df]] AS shared
