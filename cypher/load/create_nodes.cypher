// Load into an emptied graph (`--reset`): create one batch of nodes of one label (no lookup needed).
// Identifiers: __LABEL__ (a label of graph/schema.yaml, substituted by graph.queries.specialise).
// Parameters: $rows: [{id, props}] where props holds id too.
UNWIND $rows AS row
CREATE (n:__LABEL__)
SET n = row.props
