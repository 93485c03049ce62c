// Every node with its label and all its properties (evidence as parallel ev_* lists), for export.
// The :Load bookkeeping node (graph.loads) is left out.
// Parameters: none.
MATCH (n) WHERE NOT n:Load
RETURN head(labels(n)) AS label, properties(n) AS props
ORDER BY n.id
