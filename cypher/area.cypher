// One area: its properties, the areas it lies within and the areas inside it.
// Parameters: $id (area id, e.g. area-charnwood).
// Example: {"id": "area-charnwood"}
MATCH (a:Area {id: $id})
OPTIONAL MATCH (inside:Area) WHERE a.name IN coalesce(inside.within, [])
WITH a, collect({id: inside.id, name: inside.name, level: inside.level}) AS inside
OPTIONAL MATCH (outside:Area) WHERE outside.name IN coalesce(a.within, [])
RETURN properties(a) AS props, inside, collect({id: outside.id, name: outside.name, level: outside.level}) AS within
