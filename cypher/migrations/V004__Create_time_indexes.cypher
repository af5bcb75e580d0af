// Revisions a memory caused on others are erased with it (hard forget); timelines range over event time.
CREATE INDEX revision_cause IF NOT EXISTS FOR (r:Revision) ON (r.cause);
CREATE INDEX memory_occurred_at IF NOT EXISTS FOR (m:Memory) ON (m.occurredAt);
