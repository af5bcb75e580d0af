// The embeddings of these memories (for comparisons the caller makes in memory); a missing id gives no row.
UNWIND $ids AS id
MATCH (m:Memory {id: id})
RETURN m.id AS id, m.embedding AS embedding
