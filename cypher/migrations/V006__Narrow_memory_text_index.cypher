// Fulltext over what the caller said only: the agent's context and keywords repeat the content's words (and the
// heuristic context adds the speaker and a tag), which skewed BM25 on the LoCoMo benchmark (docs/benchmarks.md).
DROP INDEX memory_text IF EXISTS;
CREATE FULLTEXT INDEX memory_text IF NOT EXISTS FOR (m:Memory) ON EACH [m.content, m.scopeKey]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};
