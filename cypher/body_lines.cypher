// Every direct line of a body other than its priorities and mentions, in both directions: reporting, sub-groups,
// accountability, parts, mergers, successors, chairs, members, areas covered, oversight, commissioning, legislation.
// Parameters: $id (body id), $as_of (YYYY, YYYY-MM or YYYY-MM-DD; null: every line whatever its dates).
// Example: {"id": "strategic-partnership-board", "as_of": null}
MATCH (b:Body {id: $id})-[r]-(other)
WHERE NOT type(r) IN ['MENTIONS', 'HAS_PRIORITY']
  AND ($as_of IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $as_of) AND (r.valid_to IS NULL OR r.valid_to > $as_of)))
RETURN type(r) AS type, startNode(r).id = $id AS outgoing, other.id AS id, other.name AS name,
       head(labels(other)) AS label, properties(r) AS line
ORDER BY type, name
