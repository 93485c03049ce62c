// Members and chair of a body: who chairs it (CHAIRED_BY) and who sits on it (MEMBER_OF), with each line's status,
// stated by $as_of and not ended then.
// Parameters: $id (body id), $as_of (a day, YYYY-MM-DD: the API passes the last day of a partial date, and today when none is given).
// Example: {"id": "local-criminal-justice-board", "as_of": "2012-08-31"}
MATCH (b:Body {id: $id})-[r:CHAIRED_BY]->(x)
WHERE coalesce(r.holds_from, '') <= $as_of < coalesce(r.holds_to, '9')
RETURN 'chair' AS role, x.id AS id, x.name AS name, head(labels(x)) AS label, properties(r) AS line
UNION ALL
MATCH (x)-[r:MEMBER_OF]->(b:Body {id: $id})
WHERE coalesce(r.holds_from, '') <= $as_of < coalesce(r.holds_to, '9')
RETURN 'member' AS role, x.id AS id, x.name AS name, head(labels(x)) AS label, properties(r) AS line
