// What covers an area: bodies that cover the area itself, a wider area containing it, or a part of it; and who holds
// priorities for it or receives money for it.
// Parameters: $id (area id).
// Example: {"id": "area-charnwood"}
MATCH (a:Area {id: $id})
MATCH (b)-[r:COVERS]->(x:Area)
WHERE x.id = a.id OR x.name IN coalesce(a.within, []) OR a.name IN coalesce(x.within, [])
RETURN b.id AS id, b.name AS name, head(labels(b)) AS label, b.kind AS kind, x.id AS area, x.name AS area_name,
       CASE WHEN x.id = a.id THEN 'this area' WHEN x.name IN coalesce(a.within, []) THEN 'a wider area'
            ELSE 'a part of it' END AS covers, properties(r) AS line
ORDER BY covers, name
