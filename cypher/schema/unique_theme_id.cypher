// Schema: Theme ids are unique (runs on Neo4j and on the embedded engine, where it also builds the id index).
// Parameters: none.
CREATE CONSTRAINT theme_id IF NOT EXISTS FOR (n:Theme) REQUIRE n.id IS UNIQUE
