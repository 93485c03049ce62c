// Allocations (one table row or sentence each) with their stream, the body that allocates them, the recipient
// (a body when the documents name one, else an area; `recipients` lists all) and every amount with its period.
// One row per allocation. `amount_gbp` is the amount for $period when given. Filters match an id or the folded
// name (lower case, letters and digits) of the stream or of any recipient.
// Parameters: $stream, $recipient, $period (e.g. 2012-13; each may be null).
// Example: {"stream": "community safety fund", "recipient": null, "period": "2012-13"}
MATCH (a:Allocation)
OPTIONAL MATCH (a)-[:FROM_STREAM]->(s:FundingStream)
OPTIONAL MATCH (a)-[:ALLOCATED_BY]->(by)
OPTIONAL MATCH (a)-[:ALLOCATED_TO]->(to)
WITH a, head(collect(DISTINCT s)) AS s, head(collect(DISTINCT by)) AS by, collect(DISTINCT to) AS tos
WITH a, s, by, tos, head([t IN tos WHERE 'Body' IN labels(t)] + tos) AS to,
     coalesce(a.periods, [a.period]) AS periods, coalesce(a.amounts_gbp, [a.amount_gbp]) AS amounts
WHERE ($stream IS NULL OR s.id = $stream OR s.search_text CONTAINS $stream)
  AND ($recipient IS NULL OR any(t IN tos WHERE t.id = $recipient OR t.search_text CONTAINS $recipient))
  AND ($period IS NULL OR $period IN periods)
RETURN a.id AS id, s.id AS stream, s.name AS stream_name, by.id AS allocated_by, by.name AS allocated_by_name,
       to.id AS recipient, to.name AS recipient_name, [t IN tos | t.id] AS recipients, a.purpose AS purpose,
       a.row_kind AS row_kind,
       CASE WHEN $period IS NULL THEN a.amount_gbp
            ELSE [i IN range(0, size(periods) - 1) WHERE periods[i] = $period | amounts[i]][0] END AS amount_gbp,
       CASE WHEN $period IS NULL THEN a.period ELSE $period END AS period,
       amounts AS amounts_gbp, periods, a.table AS table, a.row AS row, properties(a) AS props
ORDER BY stream_name, table, row, id
