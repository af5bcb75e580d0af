// Embedded mode only (see index.txt): the process holds every memory's vector and searches them itself
// (graph/InProcessVectorIndex), so Neo4j's vector index would only be kept up to date for nothing: it was most of the
// cost of storing a memory.
DROP INDEX memory_embedding IF EXISTS;
