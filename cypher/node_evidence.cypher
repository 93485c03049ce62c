// The evidence for one node: its label, name and evidence (parallel ev_* lists: document, start, end, quote, method).
// Parameters: $id (node id).
// Example: {"id": "charnwood-community-safety-partnership"}
MATCH (n {id: $id})
RETURN head(labels(n)) AS label, n.name AS name, properties(n) AS props
