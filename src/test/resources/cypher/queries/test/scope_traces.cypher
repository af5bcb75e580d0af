// Test only: nodes of one scope, and relationships touching them, with a text property (or list of texts) holding $text.
CALL {
  MATCH (n)
  WHERE n.scope = $scope
    AND any(k IN keys(n) WHERE CASE WHEN n[k] IS :: STRING THEN n[k] CONTAINS $text
                                    WHEN n[k] IS :: LIST<STRING NOT NULL> THEN any(x IN n[k] WHERE x CONTAINS $text)
                                    ELSE false END)
  RETURN 'node ' + labels(n)[0] + ' ' + coalesce(n.id, n.key, elementId(n)) AS trace
  UNION ALL
  MATCH (a)-[r]->()
  WHERE a.scope = $scope
    AND any(k IN keys(r) WHERE CASE WHEN r[k] IS :: STRING THEN r[k] CONTAINS $text
                                    WHEN r[k] IS :: LIST<STRING NOT NULL> THEN any(x IN r[k] WHERE x CONTAINS $text)
                                    ELSE false END)
  RETURN 'relationship ' + type(r) AS trace
}
RETURN trace
