// Bench only: which Neo4j answers (the report names it) and how many memories the whole store holds.
CALL dbms.components() YIELD name, versions, edition
WITH name, versions[0] AS version, edition
CALL { MATCH (m:Memory) RETURN count(m) AS memories }
RETURN name, version, edition, memories
