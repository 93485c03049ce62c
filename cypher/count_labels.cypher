// How many nodes of each label, and how many carry evidence (a non-empty list of quotes)?
// The :Load bookkeeping node (graph.loads) is left out.
// Parameters: none.
MATCH (n) WHERE NOT n:Load
RETURN head(labels(n)) AS label, count(n) AS count,
       sum(CASE WHEN size(coalesce(n.ev_quotes, [])) > 0 THEN 1 ELSE 0 END) AS with_evidence
ORDER BY label
