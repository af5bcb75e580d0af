// Test only: every node and relationship with a property (text, or a list of texts) that holds $text.
CALL {
  MATCH (n)
  WHERE any(k IN keys(n) WHERE CASE WHEN n[k] IS :: STRING THEN n[k] CONTAINS $text
                                    WHEN n[k] IS :: LIST<STRING NOT NULL> THEN any(x IN n[k] WHERE x CONTAINS $text)
                                    ELSE false END)
  RETURN 'node ' + labels(n)[0] + ' ' + elementId(n) AS trace
  UNION ALL
  MATCH ()-[r]->()
  WHERE any(k IN keys(r) WHERE CASE WHEN r[k] IS :: STRING THEN r[k] CONTAINS $text
                                    WHEN r[k] IS :: LIST<STRING NOT NULL> THEN any(x IN r[k] WHERE x CONTAINS $text)
                                    ELSE false END)
  RETURN 'relationship ' + type(r) + ' ' + elementId(r) AS trace
}
RETURN trace
