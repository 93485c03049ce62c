// Every direct line of a body other than its priorities and mentions, in both directions: reporting, sub-groups,
// accountability, parts, mergers, successors, chairs, lead, members, areas covered, oversight, commissioning,
// legislation; those stated by $as_of and not ended then (planned and proposed ones too, with their status).
// Parameters: $id (body id), $as_of (a day, YYYY-MM-DD: the API passes the last day of a partial date, and today when none is given).
// Example: {"id": "strategic-partnership-board", "as_of": "2012-10-01"}
MATCH (b:Body {id: $id})-[r]-(other)
WHERE NOT type(r) IN ['MENTIONS', 'HAS_PRIORITY']
  AND coalesce(r.holds_from, '') <= $as_of < coalesce(r.holds_to, '9')
RETURN type(r) AS type, startNode(r).id = $id AS outgoing, other.id AS id, other.name AS name,
       head(labels(other)) AS label, properties(r) AS line
ORDER BY type, name
