// Every scope and its size: memories (archived ones apart), sessions, keywords, tags and links between its memories.
MATCH (m:Memory)
WITH m.scope AS scope, count(m) AS memories, count(CASE WHEN m.status = 'ARCHIVED' THEN 1 END) AS archived
RETURN scope, memories, archived,
       COUNT { (s:Session) WHERE s.scope = scope } AS sessions,
       COUNT { (k:Keyword) WHERE k.scope = scope } AS keywords,
       COUNT { (t:Tag) WHERE t.scope = scope } AS tags,
       COUNT { (a:Memory)-[:LINKED]->(:Memory) WHERE a.scope = scope } AS links
ORDER BY memories DESC
