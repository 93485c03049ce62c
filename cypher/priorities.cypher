// Priority statements with who holds them and their themes; optionally only those about one theme or held by one
// body or area.
// Parameters: $theme (theme id or null), $holder (body or area id or null).
// Example: {"theme": "theme-domestic-abuse", "holder": null}
MATCH (h)-[:HAS_PRIORITY]->(p:Priority)
WHERE ($holder IS NULL OR h.id = $holder)
  AND ($theme IS NULL OR EXISTS { MATCH (p)-[:ABOUT]->(:Theme {id: $theme}) })
OPTIONAL MATCH (p)-[:ABOUT]->(t:Theme)
WITH h, p, collect(t.id) AS themes
RETURN p.id AS id, p.text AS text, p.period AS period, p.status AS status, p.position AS position,
       h.id AS holder, h.name AS holder_name, head(labels(h)) AS holder_label, themes, properties(p) AS props
ORDER BY holder_name, position
