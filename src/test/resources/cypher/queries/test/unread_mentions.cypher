// Makes a memory look as if stored before event times were read, and the mention backfill as if it never ran.
MATCH (m:Memory {id: $id})
REMOVE m.mentionTexts, m.mentionFroms, m.mentionTos
WITH count(m) AS n
OPTIONAL MATCH (b:__Backfill {name: 'mentions'})
DETACH DELETE b
RETURN n
