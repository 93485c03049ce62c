// Bodies whose priorities are about a theme, with those priorities verbatim.
// Parameters: $theme (theme id, e.g. theme-domestic-abuse).
// Example: {"theme": "theme-domestic-abuse"}
MATCH (b)-[:HAS_PRIORITY]->(p:Priority)-[:ABOUT]->(:Theme {id: $theme})
WITH b, collect(p.text) AS priorities
RETURN b.id AS id, b.name AS name, head(labels(b)) AS label, b.kind AS kind, priorities
ORDER BY name
