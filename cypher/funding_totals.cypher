// Money per table, allocating body, stream and column: what the items add up to beside what the document states.
// One row per (table, funder, stream, measure, period); a sentence's money has no table. `items_gbp` adds the table's
// item rows given out (flow allocation); `counted_gbp` leaves out the rows that break down an item row of another
// table (they are counted there), so adding `counted_gbp` over tables never counts money twice; `stated_gbp` lists the
// table's own total rows for that column (empty when it states none); `received_gbp` what the body records as received
// in the same table (a total above the items, "Allocation in total"); `breakdown_of` the rows this table breaks down.
// Parameters: $stream, $funder (ids or null), $period (e.g. 2012-13 or null).
// Example: {"stream": "stream-community-safety-fund", "funder": null, "period": null}
MATCH (a:Allocation)
WHERE coalesce(a.row_kind, 'item') IN ['item', 'total']
OPTIONAL MATCH (a)-[:FROM_STREAM]->(s:FundingStream)
OPTIONAL MATCH (a)-[:ALLOCATED_BY]->(by:Body)
OPTIONAL MATCH (a)-[:ALLOCATED_TO]->(to:Body)
OPTIONAL MATCH (a)-[:BREAKDOWN_OF]->(whole:Allocation {row_kind: 'item'})
WITH a, head(collect(DISTINCT s)) AS s, head(collect(DISTINCT by)) AS by, head(collect(DISTINCT to)) AS to,
     head(collect(DISTINCT whole)) AS whole, coalesce(a.flow, 'allocation') AS flow
// A receipt belongs to the body that receives it: its funder is the giver, the table's body the recipient.
WITH a, s, whole, flow, CASE WHEN flow = 'receipt' THEN to ELSE by END AS body
WHERE ($stream IS NULL OR s.id = $stream) AND ($funder IS NULL OR body.id = $funder)
WITH a, s, whole, flow, body, coalesce(a.periods, [a.period]) AS periods, coalesce(a.amounts_gbp, [a.amount_gbp]) AS amounts,
     coalesce(a.measures, []) AS measures
UNWIND range(0, size(amounts) - 1) AS i
WITH a, s, whole, flow, body, amounts[i] AS amount,
     CASE WHEN periods[i] IS NULL OR periods[i] = '' THEN 'unstated' ELSE periods[i] END AS period,
     coalesce(measures[i], CASE WHEN periods[i] IS NULL OR periods[i] = '' THEN 'unstated' ELSE periods[i] END) AS measure
WHERE amount IS NOT NULL AND ($period IS NULL OR period = $period)
WITH a.table AS table, s, body, measure, period,
     sum(CASE WHEN a.row_kind = 'item' AND flow = 'allocation' THEN amount ELSE 0 END) AS items_gbp,
     sum(CASE WHEN a.row_kind = 'item' AND flow = 'allocation' AND whole IS NULL THEN amount ELSE 0 END) AS counted_gbp,
     sum(CASE WHEN a.row_kind = 'item' AND flow = 'allocation' THEN 1 ELSE 0 END) AS rows,
     collect(CASE WHEN a.row_kind = 'total' THEN amount END) AS stated_gbp,
     sum(CASE WHEN flow = 'receipt' THEN amount ELSE 0 END) AS received_gbp,
     collect(DISTINCT whole.id) AS breakdown_of
RETURN table, s.id AS stream, s.name AS stream_name, body.id AS funder, body.name AS funder_name, measure, period,
       items_gbp, counted_gbp, rows, stated_gbp, received_gbp, breakdown_of
ORDER BY stream_name, table, funder, period, measure
