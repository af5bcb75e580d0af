// Import: which of these sessions exist.
UNWIND $keys AS key
MATCH (s:Session {key: key})
RETURN s.key AS key
