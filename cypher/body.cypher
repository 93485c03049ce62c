// One body: all its properties (name, aliases, kind, status, evidence as parallel ev_* lists).
// Parameters: $id (body id).
// Example: {"id": "community-safety-programme-board"}
MATCH (b:Body {id: $id})
RETURN properties(b) AS props
