// What the memory agent changed, newest first: each revision's field, before and after, and why. To undo one, run the GraphQL mutation revert(revisionId: "…") { id context tags keywords } at /q/graphql-ui/ (with the header Authorization: Bearer <key> when security is on). Set :param scope => 'demo'
MATCH (m:Memory {scope: $scope})-[:REVISED]->(r:Revision)
RETURN r.id AS revisionId, m.id AS memory, left(m.content, 60) AS content, r.field AS field, r.before AS before,
       r.after AS after, r.reason AS reason, r.agent AS agent, r.at AS at
ORDER BY r.at DESC
LIMIT 100
