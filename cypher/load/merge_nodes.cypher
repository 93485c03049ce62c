// Load: upsert one batch of nodes of one label, replacing their properties; evidence from documents outside this
// load (what load/forget_nodes left on the node) is kept, before this load's own.
// Identifiers: __LABEL__ (a label of graph/schema.yaml, substituted by graph.queries.specialise: a literal label
// lets the planner use the label's id index; see cypher/README.md on dynamic labels).
// Parameters: $rows: [{id, props}] where props holds id too.
UNWIND $rows AS row
MERGE (n:__LABEL__ {id: row.id})
WITH n, row, [coalesce(n.ev_docs, []), coalesce(n.ev_starts, []), coalesce(n.ev_ends, []),
              coalesce(n.ev_quotes, []), coalesce(n.ev_methods, [])] AS old
SET n = row.props
SET n.ev_docs = old[0] + coalesce(row.props.ev_docs, []), n.ev_starts = old[1] + coalesce(row.props.ev_starts, []),
    n.ev_ends = old[2] + coalesce(row.props.ev_ends, []), n.ev_quotes = old[3] + coalesce(row.props.ev_quotes, []),
    n.ev_methods = old[4] + coalesce(row.props.ev_methods, [])
