// Money by stream and period: the sum of item rows only (sub-total and total rows are the documents' own sums and
// would count money twice), and how many rows. Compare with the documents' stated totals in the findings.
// Parameters: $stream (stream id or folded name or null), $period (e.g. 2012-13 or null).
// Example: {"stream": null, "period": null}
MATCH (a:Allocation)-[:FROM_STREAM]->(s:FundingStream)
WHERE coalesce(a.row_kind, 'item') = 'item'
  AND ($stream IS NULL OR s.id = $stream OR s.search_text CONTAINS $stream)
WITH s, coalesce(a.periods, [a.period]) AS periods, coalesce(a.amounts_gbp, [a.amount_gbp]) AS amounts
UNWIND range(0, size(periods) - 1) AS i
WITH s, CASE WHEN periods[i] IS NULL OR periods[i] = '' THEN 'unstated' ELSE periods[i] END AS period,
     amounts[i] AS amount
WHERE amount IS NOT NULL AND ($period IS NULL OR period = $period)
RETURN s.id AS stream, s.name AS stream_name, period, sum(amount) AS total_gbp, count(*) AS rows
ORDER BY stream_name, period
