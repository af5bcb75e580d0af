// Stores the time spans read from memories' content: three parallel lists (text, from, to) on each memory.
UNWIND $rows AS r
MATCH (m:Memory {id: r.id})
SET m.mentionTexts = r.mentionTexts, m.mentionFroms = r.mentionFroms, m.mentionTos = r.mentionTos
