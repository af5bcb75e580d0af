// Server mode on Neo4j 2026.01 and newer only (see index.txt): the vector index holds each memory's scope beside its
// embedding, so that recall's SEARCH filters by scope inside the index (recall/vector_search.cypher). Older servers
// keep V008's index; this applies when such a database first meets a 2026 server.
DROP INDEX memory_embedding IF EXISTS;
CYPHER 25 CREATE VECTOR INDEX memory_embedding IF NOT EXISTS FOR (m:Memory) ON m.embedding WITH [m.scope]
  OPTIONS {indexConfig: {`vector.dimensions`: ${dimensions}, `vector.similarity_function`: 'cosine'}};
// recall needs the index online: on a large database, population takes a while
CALL db.awaitIndex('memory_embedding', 3600);
