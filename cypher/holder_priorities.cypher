// The priorities of one body or area, in the order the document lists them, with their themes.
// Parameters: $id (body or area id).
// Example: {"id": "safer-leicester-partnership"}
MATCH (h {id: $id})-[:HAS_PRIORITY]->(p:Priority)
OPTIONAL MATCH (p)-[:ABOUT]->(t:Theme)
WITH p, collect(t.id) AS themes
RETURN p.id AS id, p.text AS text, p.period AS period, p.status AS status, p.position AS position, themes,
       properties(p) AS props
ORDER BY position, id
