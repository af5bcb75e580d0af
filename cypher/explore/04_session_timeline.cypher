// One session's memories along their NEXT chain. Set :param scope => 'demo', :param session => 's1'
MATCH (s:Session {key: $scope + '|' + $session})<-[:IN_SESSION]-(m:Memory)
WHERE NOT EXISTS { (:Memory)-[:NEXT]->(m) }
MATCH path = (m)-[:NEXT*0..]->(last:Memory)
WHERE NOT EXISTS { (last)-[:NEXT]->(:Memory) }
RETURN path
