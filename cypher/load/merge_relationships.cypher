// Load: upsert one batch of relationships of one type between nodes of two labels.
// Identifiers: __TYPE__, __START__, __END__ (from graph/schema.yaml, substituted by graph.queries.specialise).
// Parameters: $rows: [{start, end, key, props}] where props holds key too.
UNWIND $rows AS row
MATCH (a:__START__ {id: row.start})
MATCH (b:__END__ {id: row.end})
MERGE (a)-[r:__TYPE__ {key: row.key}]->(b)
SET r = row.props
