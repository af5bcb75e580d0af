// Keywords, tags and sessions are unique per scope: one node a name, however many writers.
CREATE CONSTRAINT keyword_key IF NOT EXISTS FOR (k:Keyword) REQUIRE k.key IS UNIQUE;
CREATE CONSTRAINT tag_key IF NOT EXISTS FOR (t:Tag) REQUIRE t.key IS UNIQUE;
CREATE CONSTRAINT session_key IF NOT EXISTS FOR (s:Session) REQUIRE s.key IS UNIQUE;
CREATE CONSTRAINT revision_id IF NOT EXISTS FOR (r:Revision) REQUIRE r.id IS UNIQUE;
CREATE INDEX memory_status IF NOT EXISTS FOR (m:Memory) ON (m.status);
CREATE INDEX session_scope IF NOT EXISTS FOR (s:Session) ON (s.scope);
