// Load: remove every node and relationship (used by `landscape load --reset`, inside the load transaction).
// Parameters: none.
MATCH (n)
DETACH DELETE n
