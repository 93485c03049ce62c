// How many nodes of each label, and how many carry evidence (a non-empty list of quotes)?
// Parameters: none.
MATCH (n)
RETURN head(labels(n)) AS label, count(n) AS count,
       sum(CASE WHEN size(coalesce(n.ev_quotes, [])) > 0 THEN 1 ELSE 0 END) AS with_evidence
ORDER BY label
