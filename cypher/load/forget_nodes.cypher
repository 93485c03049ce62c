// Load: before a load without --reset, take the loaded documents' evidence off every node, and delete (with their
// relationships) the nodes that only those documents evidenced and the load no longer has. Inside the load
// transaction, after load/forget_relationships.
// Parameters: $docs: the ids of the documents being loaded; $ids: the ids of the load's nodes.
MATCH (n)
WHERE n.ev_docs IS NOT NULL AND any(doc IN n.ev_docs WHERE doc IN $docs)
WITH n, [i IN range(0, size(n.ev_docs) - 1) WHERE NOT n.ev_docs[i] IN $docs] AS kept
SET n.ev_docs = [i IN kept | n.ev_docs[i]], n.ev_starts = [i IN kept | n.ev_starts[i]],
    n.ev_ends = [i IN kept | n.ev_ends[i]], n.ev_quotes = [i IN kept | n.ev_quotes[i]],
    n.ev_methods = [i IN kept | n.ev_methods[i]]
WITH n, kept
WHERE size(kept) = 0 AND NOT n.id IN $ids
DETACH DELETE n
