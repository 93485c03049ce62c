// The evidence for one relationship, given its type and the ids at its ends.
// Parameters: $type (e.g. REPORTS_TO), $start (node id), $end (node id).
// Example: {"type": "REPORTS_TO", "start": "domestic-violence-delivery-group", "end": "safer-leicester-partnership"}
MATCH (a {id: $start})-[r]->(b {id: $end})
WHERE type(r) = $type
RETURN type(r) AS type, a.id AS start, a.name AS start_name, b.id AS end, b.name AS end_name, properties(r) AS props
