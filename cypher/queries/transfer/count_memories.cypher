// Import: the scope counts the memories it gained and numbers later arrivals after the highest imported number.
MATCH (s:Scope {name: $scope})
SET s.memories = s.memories + $created, s.seq = CASE WHEN $seq > s.seq THEN $seq ELSE s.seq END
