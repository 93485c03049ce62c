// The source documents: id, title, date, publisher and file.
// Parameters: none.
// Example: {}
MATCH (d:Document)
RETURN d.id AS id, d.name AS name, d.title AS title, d.date AS date, d.publisher AS publisher, d.file AS file
ORDER BY date
