// Every relationship with its type, endpoint ids and all its properties, for export.
// Parameters: none.
MATCH (a)-[r]->(b)
RETURN type(r) AS type, a.id AS start, b.id AS end, properties(r) AS props
ORDER BY r.key
