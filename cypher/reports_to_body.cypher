// Who reports to a body: bodies with a REPORTS_TO, SUBGROUP_OF, ACCOUNTABLE_TO or PART_OF line to it, directly
// or through other bodies, to depth $depth. One row per path; `parent` is the body the row's body answers to.
// Parameters: $id (body id), $depth (1 to 10), $as_of (YYYY, YYYY-MM or YYYY-MM-DD; null: every line whatever its dates).
// Example: {"id": "strategic-partnership-board", "depth": 2, "as_of": null}
MATCH p = (child:Body)-[:REPORTS_TO|SUBGROUP_OF|ACCOUNTABLE_TO|PART_OF*1..10]->(:Body {id: $id})
WHERE length(p) <= $depth
  AND all(r IN relationships(p) WHERE $as_of IS NULL
          OR ((r.valid_from IS NULL OR r.valid_from <= $as_of) AND (r.valid_to IS NULL OR r.valid_to > $as_of)))
WITH child, p, relationships(p)[0] AS line
RETURN child.id AS id, child.name AS name, child.kind AS kind, child.status AS body_status, length(p) AS depth,
       endNode(line).id AS parent, type(line) AS type, properties(line) AS line
ORDER BY depth, name
