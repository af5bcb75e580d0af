// One memory and everything around it: its links (captioned with their reason), keywords, tags, session, the memories it updates or that update it, and its revisions. Set :param scope => 'demo', :param id => '' (empty: the scope's most linked memory)
MATCH (m:Memory {scope: $scope})
WHERE m.id = $id OR $id = ''
WITH m ORDER BY COUNT { (m)-[:LINKED]-() } DESC LIMIT 1
MATCH path = (m)-[:LINKED|HAS_KEYWORD|TAGGED|IN_SESSION|SUPERSEDES|REVISED]-()
RETURN path
