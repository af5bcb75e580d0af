// Import: creates the sessions absent from the store; one present is left as it is.
UNWIND $rows AS r
OPTIONAL MATCH (old:Session {key: r.key})
WITH r, old WHERE old IS NULL
CREATE (s:Session)
SET s = r
RETURN s.key AS key
