// Server mode only (see index.txt): recall and the agent search Neo4j's vector index. A database created by V002
// already has it; one that embedded mode ran first (V007 dropped it) gets it back here.
CREATE VECTOR INDEX memory_embedding IF NOT EXISTS FOR (m:Memory) ON (m.embedding)
  OPTIONS {indexConfig: {`vector.dimensions`: ${dimensions}, `vector.similarity_function`: 'cosine'}};
