// Records that a one-time backfill has run to its end, so later starts skip its scan.
MERGE (b:__Backfill {name: $name})
ON CREATE SET b.doneAt = $now
