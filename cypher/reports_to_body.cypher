// Who reports to a body: bodies with a REPORTS_TO, SUBGROUP_OF, ACCOUNTABLE_TO or PART_OF line to it, directly
// or through other bodies, to depth $depth, along lines that hold on $as_of (never planned or proposed ones).
// One row per path; `parent` is the body the row's body answers to.
// Parameters: $id (body id), $depth (1 to 10), $as_of (a day, YYYY-MM-DD: the API passes the last day of a partial date, and today when none is given).
// Example: {"id": "community-safety-programme-board", "depth": 2, "as_of": "2012-08-31"}
MATCH p = (child:Body)-[:REPORTS_TO|SUBGROUP_OF|ACCOUNTABLE_TO|PART_OF*1..10]->(:Body {id: $id})
WHERE length(p) <= $depth
  AND all(r IN relationships(p) WHERE coalesce(r.holds_from, '') <= $as_of < coalesce(r.holds_to, '9') AND NOT r.intention)
WITH child, p, relationships(p)[0] AS line
RETURN child.id AS id, child.name AS name, child.kind AS kind, child.status AS body_status, length(p) AS depth,
       endNode(line).id AS parent, type(line) AS type, properties(line) AS line
ORDER BY depth, name
