// ${dimensions} is the configured embedding model's dimension, filled in by the migration runner.
CREATE VECTOR INDEX memory_embedding IF NOT EXISTS FOR (m:Memory) ON (m.embedding)
  OPTIONS {indexConfig: {`vector.dimensions`: ${dimensions}, `vector.similarity_function`: 'cosine'}};
// scopeKey is the scope as one analyzer-proof token, so a fulltext query can filter by scope inside Lucene.
CREATE FULLTEXT INDEX memory_text IF NOT EXISTS FOR (m:Memory) ON EACH [m.content, m.context, m.keywordText, m.scopeKey]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};
