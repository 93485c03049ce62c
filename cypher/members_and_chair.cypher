// Members and chair of a body: who chairs it (CHAIRED_BY) and who sits on it (MEMBER_OF), with each line's status.
// Parameters: $id (body id), $as_of (YYYY, YYYY-MM or YYYY-MM-DD; null: every line whatever its dates).
// Example: {"id": "local-criminal-justice-board", "as_of": null}
MATCH (b:Body {id: $id})-[r:CHAIRED_BY]->(x)
WHERE $as_of IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $as_of) AND (r.valid_to IS NULL OR r.valid_to > $as_of))
RETURN 'chair' AS role, x.id AS id, x.name AS name, head(labels(x)) AS label, properties(r) AS line
UNION ALL
MATCH (x)-[r:MEMBER_OF]->(b:Body {id: $id})
WHERE $as_of IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $as_of) AND (r.valid_to IS NULL OR r.valid_to > $as_of))
RETURN 'member' AS role, x.id AS id, x.name AS name, head(labels(x)) AS label, properties(r) AS line
