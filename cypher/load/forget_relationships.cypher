// Load: before a load without --reset, take the loaded documents' evidence off every relationship, and delete the
// relationships that only those documents evidenced and the load no longer has (no stale facts from a previous
// version of a document). Inside the load transaction.
// Parameters: $docs: the ids of the documents being loaded; $keys: the keys of the load's relationships.
MATCH ()-[r]->()
WHERE r.ev_docs IS NOT NULL AND any(doc IN r.ev_docs WHERE doc IN $docs)
WITH r, [i IN range(0, size(r.ev_docs) - 1) WHERE NOT r.ev_docs[i] IN $docs] AS kept
SET r.ev_docs = [i IN kept | r.ev_docs[i]], r.ev_starts = [i IN kept | r.ev_starts[i]],
    r.ev_ends = [i IN kept | r.ev_ends[i]], r.ev_quotes = [i IN kept | r.ev_quotes[i]],
    r.ev_methods = [i IN kept | r.ev_methods[i]]
WITH r, kept
WHERE size(kept) = 0 AND NOT r.key IN $keys
DELETE r
