MERGE (m:__Migration {version: $version})
ON CREATE SET m.name = $name, m.appliedAt = datetime()
