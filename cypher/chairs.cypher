// Who chairs what: every CHAIRED_BY and VICE_CHAIRED_BY line stated by $as_of and not ended then, with the body, the
// chair (a Role such as the Chief Constable, or a Body), the named holder of the role where the text gives one, and the
// line's properties (status, dates, `basis` such as rotating or independent where the text says so, evidence).
// Parameters: $as_of (a day, YYYY-MM-DD: the API passes the last day of a partial date, and today when none is given),
//             $body (body id, or null for every body).
// Example: {"as_of": "2012-08-31", "body": null}
MATCH (b:Body)-[r:CHAIRED_BY|VICE_CHAIRED_BY]->(c)
WHERE ($body IS NULL OR b.id = $body)
  AND coalesce(r.holds_from, '') <= $as_of < coalesce(r.holds_to, '9')
RETURN b.id AS body, b.name AS body_name, b.kind AS body_kind, type(r) AS type, c.id AS id, c.name AS name,
       head(labels(c)) AS label, c.holder AS holder, properties(r) AS line
ORDER BY body_name, type, name
