// Schema: Programme ids are unique (runs on Neo4j and on the embedded engine, where it also builds the id index).
// Parameters: none.
CREATE CONSTRAINT programme_id IF NOT EXISTS FOR (n:Programme) REQUIRE n.id IS UNIQUE
