// Everything as of a date: every line between bodies (reporting, sub-groups, accountability, parts, mergers,
// successors, chairs, lead, members) stated by $as_of and not ended then, with both ends, the line's status (planned
// and proposed lines are listed as such), the window it holds in, the document that attests it, and its evidence.
// Parameters: $as_of (a day, YYYY-MM-DD: the API passes the last day of a partial date, and today when none is given).
// Example: {"as_of": "2012-10-01"}
MATCH (a:Body)-[r:REPORTS_TO|SUBGROUP_OF|ACCOUNTABLE_TO|PART_OF|MERGED_INTO|SUCCEEDED_BY|CHAIRED_BY|VICE_CHAIRED_BY|LED_BY|MEMBER_OF]->(b)
WHERE coalesce(r.holds_from, '') <= $as_of < coalesce(r.holds_to, '9')
  AND coalesce(a.holds_from, '') <= $as_of
RETURN a.id AS start, a.name AS start_name, type(r) AS type, r.status AS status, r.valid_from AS valid_from,
       r.valid_to AS valid_to, b.id AS end, b.name AS end_name, properties(r) AS line
ORDER BY start_name, type, end_name
