// Whether a one-time backfill of derived properties has run to its end in this database.
OPTIONAL MATCH (b:__Backfill {name: $name})
RETURN b IS NOT NULL AS done
