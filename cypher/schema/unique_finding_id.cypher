// Schema: Finding ids are unique (runs on Neo4j and on the embedded engine, where it also builds the id index).
// Parameters: none.
CREATE CONSTRAINT finding_id IF NOT EXISTS FOR (n:Finding) REQUIRE n.id IS UNIQUE
