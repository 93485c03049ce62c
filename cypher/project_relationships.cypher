// Projection: every relationship with its type, endpoints and properties.
// Parameters: none.
MATCH (a)-[r]->(b)
RETURN a.id AS start, b.id AS end, type(r) AS type, properties(r) AS props
