// Load: which load the graph holds (null before the first); a one-node lookup by the load_marker constraint's index.
// Parameters: none.
OPTIONAL MATCH (l:Load {marker: 'last'})
RETURN l.load_id AS load_id, l.loaded_at AS loaded_at, l.nodes AS nodes, l.relationships AS relationships
