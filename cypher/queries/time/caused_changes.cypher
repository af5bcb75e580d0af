// Changes the agent made to other memories because $id arrived, newest first, with those memories' current values.
MATCH (n:Memory)-[:REVISED]->(r:Revision {cause: $id})
WHERE r.field IN ['context', 'tags', 'keywords']
RETURN n.id AS id, r.field AS field, r.before AS before, r.after AS after, n.context AS context, n.tags AS tags,
       n.keywords AS keywords
ORDER BY r.at DESC, r.id DESC
