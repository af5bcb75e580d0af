// A page of memories whose time spans were never read (stored before event times were): what reading them needs.
MATCH (m:Memory)
WHERE m.mentionTexts IS NULL
RETURN m.id AS id, m.content AS content, m.occurredAt AS occurredAt
LIMIT $limit
