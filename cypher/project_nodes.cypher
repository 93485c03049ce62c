// Projection: every node with its label and properties, to build the networkx graph for analyses and diagrams.
// The :Load bookkeeping node (graph.loads) is left out.
// Parameters: none.
MATCH (n) WHERE NOT n:Load
RETURN n.id AS id, head(labels(n)) AS label, properties(n) AS props
