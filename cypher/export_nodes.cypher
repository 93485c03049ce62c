// Every node with its label and all its properties (evidence as parallel ev_* lists), for export.
// Parameters: none.
MATCH (n)
RETURN head(labels(n)) AS label, properties(n) AS props
ORDER BY n.id
