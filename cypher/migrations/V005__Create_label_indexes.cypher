// The agent reads a scope's tags (and keywords) on every memory.
CREATE INDEX keyword_scope IF NOT EXISTS FOR (k:Keyword) ON (k.scope);
CREATE INDEX tag_scope IF NOT EXISTS FOR (t:Tag) ON (t.scope);
