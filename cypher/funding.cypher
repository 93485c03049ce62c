// Allocations (one table row, one cell of a table whose columns are sources, or one sentence), each with every
// figure's column: `measures` (readable: "2012-13", "Oct 2011 - Mar 2013", "Q1 spend"), `periods`, `columns` (the
// header verbatim) and `amounts_gbp`, parallel lists; `flow` (allocation: money given out, receipt: money received);
// the funder (the body that allocates or gives it), the recipient bodies and areas, the stream, and the row it breaks
// down (`breakdown_of`). `counted` is true for the figures a total adds: item rows given out that are not the parts of
// another item row (a breakdown table's rows are counted once, in the row they break down); stated totals, subtotals,
// balances and receipts are never counted. `amount_gbp` is the amount for $period when given.
// Filters are ids (the API resolves names first): $stream, $recipient (a body or an area), $funder (a body).
// Parameters: $stream, $recipient, $funder, $period (e.g. 2012-13); each may be null.
// Example: {"stream": "stream-community-safety-fund", "recipient": null, "funder": null, "period": "2012-13"}
MATCH (a:Allocation)
WITH a, [(a)-[:FROM_STREAM]->(s:FundingStream) | s][0] AS s, [(a)-[:ALLOCATED_BY]->(by) | by][0] AS by,
     [(a)-[:ALLOCATED_TO]->(to:Body) | {id: to.id, name: to.name}] AS bodies,
     [(a)-[:ALLOCATED_TO]->(to:Area) | {id: to.id, name: to.name}] AS areas,
     [(a)-[:BREAKDOWN_OF]->(w:Allocation) | {id: w.id, kind: coalesce(w.row_kind, 'item')}] AS wholes,
     coalesce(a.periods, [a.period]) AS periods, coalesce(a.amounts_gbp, [a.amount_gbp]) AS amounts,
     coalesce(a.row_kind, 'item') AS row_kind, coalesce(a.flow, 'allocation') AS flow
WHERE ($stream IS NULL OR s.id = $stream)
  AND ($funder IS NULL OR by.id = $funder)
  AND ($recipient IS NULL OR any(t IN bodies + areas WHERE t.id = $recipient))
  AND ($period IS NULL OR $period IN periods)
RETURN a.id AS id, s.id AS stream, s.name AS stream_name, by.id AS funder, by.name AS funder_name,
       bodies AS recipient_bodies, areas AS recipient_areas, a.purpose AS purpose, row_kind, flow,
       CASE WHEN $period IS NULL THEN a.amount_gbp
            ELSE [i IN range(0, size(periods) - 1) WHERE periods[i] = $period | amounts[i]][0] END AS amount_gbp,
       coalesce($period, a.period) AS period, amounts AS amounts_gbp, periods, coalesce(a.measures, []) AS measures,
       coalesce(a.columns, []) AS columns, [w IN wholes | w.id] AS breakdown_of,
       (row_kind = 'item' AND flow = 'allocation' AND none(w IN wholes WHERE w.kind = 'item')) AS counted,
       a.table AS table, a.row AS row, properties(a) AS props
ORDER BY stream_name, table, row, id
