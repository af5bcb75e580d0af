// Import: creates the keyword nodes absent from the store; one present is left as it is.
UNWIND $rows AS r
OPTIONAL MATCH (old:Keyword {key: r.key})
WITH r, old WHERE old IS NULL
CREATE (k:Keyword)
SET k = r
RETURN k.key AS key
