MATCH (a:Memory {id: $from})-[l:LINKED]-(b:Memory {id: $to})
DELETE l
RETURN count(l) AS removed
