// Load: record this load in the single :Load node (inside the load's transaction), so that every process serving
// the graph can tell cheaply that it changed (graph.loads.LoadWatch). The node is bookkeeping, not landscape:
// counts, exports and projections leave it out.
// Parameters: $load_id (unique per load), $loaded_at (ISO date-time), $nodes, $relationships (counts written).
MERGE (l:Load {marker: 'last'})
SET l.load_id = $load_id, l.loaded_at = $loaded_at, l.nodes = $nodes, l.relationships = $relationships
