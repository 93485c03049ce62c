// Load into an emptied graph (`--reset`): create one batch of relationships of one type.
// Identifiers: __TYPE__, __START__, __END__ (from graph/schema.yaml, substituted by graph.queries.specialise).
// Parameters: $rows: [{start, end, key, props}] where props holds key too.
UNWIND $rows AS row
MATCH (a:__START__ {id: row.start})
MATCH (b:__END__ {id: row.end})
CREATE (a)-[r:__TYPE__]->(b)
SET r = row.props
