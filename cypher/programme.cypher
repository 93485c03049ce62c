// One programme or arrangement: its properties and every line to or from it other than mentions (who delivers,
// oversees, commissions or leads it, what it is established under or succeeded by, the allocations for it with their
// amounts and periods) stated by $as_of and not ended then, and the documents that mention it.
// Parameters: $id (programme id), $as_of (a day, YYYY-MM-DD: the API passes today when none is given).
// Example: {"id": "programme-integrated-offender-management", "as_of": "2012-08-31"}
MATCH (p:Programme {id: $id})
OPTIONAL MATCH (p)-[r]-(x)
  WHERE type(r) <> 'MENTIONS' AND coalesce(r.holds_from, '') <= $as_of < coalesce(r.holds_to, '9')
WITH p, collect(CASE WHEN r IS NULL THEN null
                     ELSE {type: type(r), outgoing: startNode(r) = p, id: x.id, name: x.name, label: head(labels(x)),
                           amount_gbp: x.amount_gbp, period: x.period, purpose: x.purpose, line: properties(r)} END) AS lines
RETURN properties(p) AS props, lines, [(d:Document)-[:MENTIONS]->(p) | d.id] AS documents
