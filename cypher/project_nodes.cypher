// Projection: every node with its label and properties, to build the networkx graph for analyses and diagrams.
// Parameters: none.
MATCH (n)
RETURN n.id AS id, head(labels(n)) AS label, properties(n) AS props
