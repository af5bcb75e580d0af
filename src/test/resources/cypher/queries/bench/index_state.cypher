// Bench only: the search indexes' state, to know they are ONLINE before timing.
SHOW INDEXES YIELD name, state, populationPercent WHERE name IN ['memory_embedding', 'memory_text']
RETURN name, state, populationPercent
