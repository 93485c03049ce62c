// Schema: Priority ids are unique (runs on Neo4j and on the embedded engine, where it also builds the id index).
// Parameters: none.
CREATE CONSTRAINT priority_id IF NOT EXISTS FOR (n:Priority) REQUIRE n.id IS UNIQUE
