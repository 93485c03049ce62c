// Load: upsert one batch of relationships of one type between nodes of two labels; evidence from documents outside
// this load (what load/forget_relationships left) is kept, before this load's own.
// Identifiers: __TYPE__, __START__, __END__ (from graph/schema.yaml, substituted by graph.queries.specialise).
// Parameters: $rows: [{start, end, key, props}] where props holds key too.
UNWIND $rows AS row
MATCH (a:__START__ {id: row.start})
MATCH (b:__END__ {id: row.end})
MERGE (a)-[r:__TYPE__ {key: row.key}]->(b)
WITH r, row, [coalesce(r.ev_docs, []), coalesce(r.ev_starts, []), coalesce(r.ev_ends, []),
              coalesce(r.ev_quotes, []), coalesce(r.ev_methods, [])] AS old
SET r = row.props
SET r.ev_docs = old[0] + coalesce(row.props.ev_docs, []), r.ev_starts = old[1] + coalesce(row.props.ev_starts, []),
    r.ev_ends = old[2] + coalesce(row.props.ev_ends, []), r.ev_quotes = old[3] + coalesce(row.props.ev_quotes, []),
    r.ev_methods = old[4] + coalesce(row.props.ev_methods, [])
