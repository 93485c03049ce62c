// How many relationships of each type, and how many carry evidence?
// Parameters: none.
MATCH ()-[r]->()
RETURN type(r) AS type, count(r) AS count,
       sum(CASE WHEN size(coalesce(r.ev_quotes, [])) > 0 THEN 1 ELSE 0 END) AS with_evidence
ORDER BY type
