// Puts back a note field without a revision: used only when the memory that caused the change is erased.
MATCH (m:Memory {id: $id})
FOREACH (_ IN CASE WHEN $field = 'context' THEN [1] ELSE [] END | SET m.context = $value)
FOREACH (_ IN CASE WHEN $field = 'tags' THEN [1] ELSE [] END | SET m.tags = $list)
FOREACH (_ IN CASE WHEN $field = 'keywords' THEN [1] ELSE [] END | SET m.keywords = $list, m.keywordText = $keywordText)
