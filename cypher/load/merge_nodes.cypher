// Load: upsert one batch of nodes of one label, replacing their properties.
// Identifiers: __LABEL__ (a label of graph/schema.yaml, substituted by graph.queries.specialise: a literal label
// lets the planner use the label's id index; see cypher/README.md on dynamic labels).
// Parameters: $rows: [{id, props}] where props holds id too.
UNWIND $rows AS row
MERGE (n:__LABEL__ {id: row.id})
SET n = row.props
