// Memories by id, without their embedding; a missing id gives no row.
UNWIND $ids AS id
MATCH (m:Memory {id: id})
RETURN m {.id, .scope, .content, .context, .keywords, .tags, .sessionId, .externalId, .occurredAt, .recordedAt,
          .validFrom, .validTo, .metadataKeys, .metadataValues, .mentionTexts, .mentionFroms, .mentionTos, .status, .strength, .recallCount, .lastRecalledAt,
          supersededBy: head([(m)<-[:SUPERSEDES]-(newer:Memory) | newer.id]),
          supersedes: [(m)-[:SUPERSEDES]->(older:Memory) | older.id]} AS memory
