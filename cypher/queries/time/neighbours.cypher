// A memory's neighbours along its session's NEXT chain (event order).
MATCH (m:Memory {id: $id})
RETURN [(p:Memory)-[:NEXT]->(m) | p.id] AS previous, [(m)-[:NEXT]->(n:Memory) | n.id] AS next
