// Everything as of a date: every line between bodies (reporting, sub-groups, accountability, parts, mergers,
// successors, chairs, members) that holds at $as_of, with both ends, the line's status and its evidence.
// Parameters: $as_of (YYYY, YYYY-MM or YYYY-MM-DD; null: every line whatever its dates).
// Example: {"as_of": "2012-10-01"}
MATCH (a:Body)-[r:REPORTS_TO|SUBGROUP_OF|ACCOUNTABLE_TO|PART_OF|MERGED_INTO|SUCCEEDED_BY|CHAIRED_BY|MEMBER_OF]->(b)
WHERE ($as_of IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $as_of) AND (r.valid_to IS NULL OR r.valid_to > $as_of)))
  AND ($as_of IS NULL OR a.established IS NULL OR a.established <= $as_of)
RETURN a.id AS start, a.name AS start_name, type(r) AS type, r.status AS status, r.valid_from AS valid_from,
       r.valid_to AS valid_to, b.id AS end, b.name AS end_name, properties(r) AS line
ORDER BY start_name, type, end_name
