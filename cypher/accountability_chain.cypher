// The accountability chain(s) of a body: every upward path along REPORTS_TO, SUBGROUP_OF, ACCOUNTABLE_TO and
// PART_OF, and through MERGED_INTO / SUCCEEDED_BY to the current successor, ending where no further line leads up.
// A body with no upward line returns no rows (it is its own top).
// Parameters: $id (body id), $as_of (YYYY, YYYY-MM or YYYY-MM-DD; null: every line whatever its dates).
// Example: {"id": "domestic-violence-delivery-group", "as_of": null}
MATCH p = (b:Body {id: $id})-[:REPORTS_TO|SUBGROUP_OF|ACCOUNTABLE_TO|PART_OF|MERGED_INTO|SUCCEEDED_BY*1..12]->(top)
WHERE all(r IN relationships(p) WHERE $as_of IS NULL
          OR ((r.valid_from IS NULL OR r.valid_from <= $as_of) AND (r.valid_to IS NULL OR r.valid_to > $as_of)))
  AND NOT EXISTS {
    MATCH (top)-[up:REPORTS_TO|SUBGROUP_OF|ACCOUNTABLE_TO|PART_OF|MERGED_INTO|SUCCEEDED_BY]->()
    WHERE $as_of IS NULL
       OR ((up.valid_from IS NULL OR up.valid_from <= $as_of) AND (up.valid_to IS NULL OR up.valid_to > $as_of))
  }
RETURN [n IN nodes(p) | {id: n.id, name: n.name, label: head(labels(n)), kind: n.kind, status: n.status}] AS steps,
       [r IN relationships(p) | type(r)] AS types,
       [r IN relationships(p) | properties(r)] AS lines
ORDER BY size(types)
