// A scope's knowledge updates: which memory superseded which, why, and when the older one stopped being true.
// Set :param scope => 'demo'
MATCH (newer:Memory {scope: $scope})-[s:SUPERSEDES]->(older:Memory)
RETURN older.content AS was, older.validFrom AS trueFrom, older.validTo AS trueUntil, newer.content AS now,
       s.reason AS reason, s.by AS by, s.at AS recordedAt
ORDER BY trueUntil
