// Every node with its label and all its properties (evidence as parallel ev_* lists), for export.
// Parameters: none.
MATCH (n)
RETURN labels(n)[0] AS label, properties(n) AS props
ORDER BY n.id
