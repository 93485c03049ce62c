// The priority themes (controlled vocabulary) with how many priorities, holders and allocations are about each:
// a theme with priorities and no allocation has no money behind it.
// Parameters: none.
// Example: {}
MATCH (t:Theme)
OPTIONAL MATCH (h)-[:HAS_PRIORITY]->(p:Priority)-[:ABOUT]->(t)
WITH t, count(DISTINCT p) AS priorities, count(DISTINCT h) AS holders
OPTIONAL MATCH (a:Allocation)-[:FOR]->(t)
RETURN t.id AS id, t.name AS name, priorities, holders, count(DISTINCT a) AS allocations
ORDER BY priorities DESC, name
