// Graph neighbours of the best direct hits ($seeds), one row per (seed, neighbour, path): the turns before and after
// in the same session (NEXT, up to $window steps), LINKED memories either way, memories sharing a keyword that few
// memories have. Each neighbour comes with the same features as recall/features, under the same filters.
UNWIND $seeds AS seedId
MATCH (s:Memory {id: seedId})
CALL {
  WITH s
  MATCH p = (s)-[:NEXT*1..3]->(n:Memory)
  WHERE length(p) <= $window
  RETURN n, 'next' AS path, length(p) AS hops, null AS strength, null AS via
  UNION
  WITH s
  MATCH p = (n:Memory)-[:NEXT*1..3]->(s)
  WHERE length(p) <= $window
  RETURN n, 'previous' AS path, length(p) AS hops, null AS strength, null AS via
  UNION
  WITH s
  MATCH (s)-[l:LINKED]-(n:Memory)
  RETURN n, 'linked' AS path, 1 AS hops, coalesce(l.strength, 0.5) AS strength, l.reason AS via
  UNION
  WITH s
  // only when shared keywords weigh anything ($keywords): at 100k memories this path brought 100 of 140 rows and
  // most of the statement's time, for a bonus of 0 in the default tuning
  WITH s WHERE $keywords
  MATCH (s)-[:HAS_KEYWORD]->(k:Keyword)<-[:HAS_KEYWORD]-(n:Memory)
  // Only memories have keywords: without a label on the far end the count is the keyword's degree, read in O(1);
  // with one, Neo4j visits every memory of a common keyword (thousands in a large scope, ~90 ms at 100k).
  WHERE COUNT { (k)<-[:HAS_KEYWORD]-() } <= $maxKeywordMemories
  RETURN n, 'keyword' AS path, 1 AS hops, null AS strength, k.name AS via
}
WITH s, n, path, hops, strength, via
WHERE n <> s AND n.scope = $scope AND n.status <> 'ARCHIVED'
  AND n.occurredAt <= $at AND ($includeSuperseded OR n.validTo IS NULL OR n.validTo > $at)
  AND ($from IS NULL OR n.occurredAt >= $from) AND ($to IS NULL OR n.occurredAt <= $to)
// each property read once, as in recall/features (the runtime reads a property again at every mention of it)
WITH s, n, path, hops, strength, via, n.content AS content, n.mentionTexts AS mentionTexts
WITH s, n, path, hops, strength, via, content, toLower(content) AS text, mentionTexts
RETURN s.id AS seed, n.id AS id, path, hops, strength, via, n.externalId AS externalId, n.sessionId AS session,
       // embedded mode holds the vectors in process and computes the similarity itself ($cosineInGraph false)
       CASE WHEN $cosineInGraph THEN vector.similarity.cosine(n.embedding, $vector) END AS cosine,
       size([x IN $names WHERE text CONTAINS x]) AS names,
       size([x IN $names WHERE text STARTS WITH x + ':']) AS speaker, size(content) AS length,
       // the first time span its content mentions (memory/TimeExpressions), if any: an event placed in time
       mentionTexts[0] AS event,
       // what time ranking needs (strength is the link's: the memory's is memoryStrength)
       n.occurredAt AS occurredAt, n.strength AS memoryStrength, n.lastRecalledAt AS lastRecalledAt,
       mentionTexts, n.mentionFroms AS mentionFroms, n.mentionTos AS mentionTos
