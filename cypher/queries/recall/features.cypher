// What ranking needs of each candidate: exact similarity to the query (computed for fulltext-only hits), its session,
// its caller id (for reasons), how many of the query's names its content mentions and whether it is said by one
// of them (chat turns stored as "name: text"), its length (short memories say little), and when it happened and
// how strong and fresh it is (time ranking). The same filters as the
// candidate statements, so nothing the time rules exclude comes back through here.
UNWIND $ids AS id
// the hint pins the plan: planned on a small store, Neo4j chose a scan of the scope or of every id for each candidate
MATCH (node:Memory {id: id}) USING INDEX node:Memory(scope, id)
WHERE node.scope = $scope AND node.status <> 'ARCHIVED'
  AND node.occurredAt <= $at AND ($includeSuperseded OR node.validTo IS NULL OR node.validTo > $at)
  AND ($from IS NULL OR node.occurredAt >= $from) AND ($to IS NULL OR node.occurredAt <= $to)
// each property read once: the runtime reads a property again from the store at every mention of it (the content
// once per name of the question, twice over)
WITH node, node.content AS content, node.mentionTexts AS mentionTexts
WITH node, content, toLower(content) AS text, mentionTexts
RETURN node.id AS id, node.externalId AS externalId, node.sessionId AS session,
       // $cosines (id → score, the same (1 + cos) / 2 scale): the vector index's scores of its hits, or in embedded
       // mode ($cosineInGraph false) every candidate's, from the vectors held in process. The CASE keeps Neo4j from
       // reading the 384-float embedding at all when it is not needed (coalesce alone read it: a quarter of this
       // statement's time).
       coalesce($cosines[node.id],
                CASE WHEN $cosineInGraph THEN vector.similarity.cosine(node.embedding, $vector) END) AS cosine,
       size([n IN $names WHERE text CONTAINS n]) AS names,
       size([n IN $names WHERE text STARTS WITH n + ':']) AS speaker, size(content) AS length,
       // the first time span its content mentions (memory/TimeExpressions), if any: an event placed in time
       mentionTexts[0] AS event,
       // what time ranking needs (time/candidates' columns), so it runs no statement of its own
       node.occurredAt AS occurredAt, node.strength AS memoryStrength, node.lastRecalledAt AS lastRecalledAt,
       mentionTexts, node.mentionFroms AS mentionFroms, node.mentionTos AS mentionTos
