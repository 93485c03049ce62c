// Schema: Legislation ids are unique (runs on Neo4j and on the embedded engine, where it also builds the id index).
// Parameters: none.
CREATE CONSTRAINT legislation_id IF NOT EXISTS FOR (n:Legislation) REQUIRE n.id IS UNIQUE
