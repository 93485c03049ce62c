// Which data-quality findings did the loader report (totals that do not add up, skipped rows)?
// Parameters: none.
MATCH (d:Document)-[:HAS_FINDING]->(f:Finding)
RETURN f.id AS id, f.rule AS rule, f.severity AS severity, f.message AS message, d.id AS doc, f.line AS line,
       f.ev_quotes AS quotes
ORDER BY doc, line
