// Which Neo4j the driver reached: decides whether recall can filter a vector search by scope inside the index.
CALL dbms.components() YIELD name, versions
WHERE name = 'Neo4j Kernel'
RETURN versions[0] AS version
