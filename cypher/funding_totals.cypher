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
WITH a, coalesce(a.flow, 'allocation') AS flow, [(a)-[:FROM_STREAM]->(s:FundingStream) | s][0] AS s,
     [(a)-[:ALLOCATED_BY]->(b:Body) | b][0] AS by, [(a)-[:ALLOCATED_TO]->(t:Body) | t][0] AS to,
     [(a)-[:BREAKDOWN_OF]->(w:Allocation {row_kind: 'item'}) | w.id][0] AS whole
// A receipt belongs to the body that receives it: its funder is the giver, the table's body the recipient.
WITH a, s, whole, flow, CASE WHEN flow = 'receipt' THEN to ELSE by END AS body,
     coalesce(a.amounts_gbp, [a.amount_gbp]) AS amounts, coalesce(a.periods, [a.period]) AS periods,
     coalesce(a.measures, []) AS measures
WHERE ($stream IS NULL OR s.id = $stream) AND ($funder IS NULL OR body.id = $funder)
UNWIND range(0, size(amounts) - 1) AS i
WITH a, s, whole, flow, body, amounts[i] AS amount, CASE WHEN coalesce(periods[i], '') = '' THEN 'unstated' ELSE periods[i] END AS period,
     measures[i] AS measure
WITH a, s, whole, flow, body, amount, period, coalesce(measure, period) AS measure,
     (a.row_kind = 'item' AND flow = 'allocation') AS given
WHERE amount IS NOT NULL AND ($period IS NULL OR period = $period)
RETURN a.table AS table, s.id AS stream, s.name AS stream_name, body.id AS funder, body.name AS funder_name, measure,
       period, sum(CASE WHEN given THEN amount ELSE 0 END) AS items_gbp,
       sum(CASE WHEN given AND whole IS NULL THEN amount ELSE 0 END) AS counted_gbp,
       sum(CASE WHEN given THEN 1 ELSE 0 END) AS rows,
       collect(CASE WHEN a.row_kind = 'total' THEN amount END) AS stated_gbp,
       sum(CASE WHEN flow = 'receipt' THEN amount ELSE 0 END) AS received_gbp,
       collect(DISTINCT whole) AS breakdown_of
ORDER BY stream_name, table, funder, period, measure
