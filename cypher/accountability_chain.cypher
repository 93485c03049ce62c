// The accountability chain(s) of a body: every upward path along REPORTS_TO, SUBGROUP_OF, ACCOUNTABLE_TO and
// PART_OF, and through MERGED_INTO / SUCCEEDED_BY to the current successor, ending where no further line leads up.
// Only lines that hold on $as_of (graph.time's window, stamped at load) are followed; planned and proposed lines never.
// A body with no upward line returns no rows (it is its own top).
// Parameters: $id (body id), $as_of (a day, YYYY-MM-DD: the API passes the last day of a partial date, and today when none is given).
// Example: {"id": "domestic-violence-delivery-group", "as_of": "2012-10-01"}
MATCH p = (b:Body {id: $id})-[:REPORTS_TO|SUBGROUP_OF|ACCOUNTABLE_TO|PART_OF|MERGED_INTO|SUCCEEDED_BY*1..12]->(top)
WHERE all(r IN relationships(p) WHERE coalesce(r.holds_from, '') <= $as_of < coalesce(r.holds_to, '9') AND NOT r.intention)
  AND NOT EXISTS {
    MATCH (top)-[up:REPORTS_TO|SUBGROUP_OF|ACCOUNTABLE_TO|PART_OF|MERGED_INTO|SUCCEEDED_BY]->()
    WHERE coalesce(up.holds_from, '') <= $as_of < coalesce(up.holds_to, '9') AND NOT up.intention
  }
RETURN [n IN nodes(p) | {id: n.id, name: n.name, label: head(labels(n)), kind: n.kind, status: n.status}] AS steps,
       [r IN relationships(p) | type(r)] AS types,
       [r IN relationships(p) | properties(r)] AS lines
ORDER BY size(types)
