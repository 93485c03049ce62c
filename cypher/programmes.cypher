// Programmes and arrangements (MAPPA, IOM, the Local Area Agreement, ...) by name, alias or acronym: `$q` folded as
// `search_text` is stored (lower case, letters and digits), matching a whole name or alias, or a run of its words;
// null lists every programme. Each with the bodies that deliver, oversee, commission or lead it (lines stated by
// $as_of and not ended then), the number of allocations for it and the documents that mention it.
// Parameters: $q (folded text or null), $as_of (a day, YYYY-MM-DD: the API passes today when none is given).
// Example: {"q": "iom", "as_of": "2012-08-31"}
MATCH (p:Programme)
WITH p, ' | ' + p.search_text + ' | ' AS names, ' ' + replace(p.search_text, ' | ', ' ') + ' ' AS words
WHERE $q IS NULL OR names CONTAINS ' | ' + $q + ' | ' OR words CONTAINS ' ' + $q + ' '
OPTIONAL MATCH (p)-[r:DELIVERS|OVERSEES|COMMISSIONS|LED_BY]-(b)
  WHERE coalesce(r.holds_from, '') <= $as_of < coalesce(r.holds_to, '9')
WITH p, names, collect(CASE WHEN r IS NULL THEN null
                            ELSE {type: type(r), outgoing: startNode(r) = p, id: b.id, name: b.name,
                                  label: head(labels(b)), line: properties(r)} END) AS lines
RETURN p.id AS id, p.name AS name, p.aliases AS aliases, p.status AS status, lines,
       COUNT { (:Allocation)-[:FOR]->(p) } AS allocations,
       [(d:Document)-[:MENTIONS]->(p) | d.id] AS documents, properties(p) AS props
ORDER BY CASE WHEN $q IS NOT NULL AND names CONTAINS ' | ' + $q + ' | ' THEN 0 ELSE 1 END, name
