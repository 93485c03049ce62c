// Schema: Area ids are unique (runs on Neo4j and on the embedded engine, where it also builds the id index).
// Parameters: none.
CREATE CONSTRAINT area_id IF NOT EXISTS FOR (n:Area) REQUIRE n.id IS UNIQUE
