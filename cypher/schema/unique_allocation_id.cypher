// Schema: Allocation ids are unique (runs on Neo4j and on the embedded engine, where it also builds the id index).
// Parameters: none.
CREATE CONSTRAINT allocation_id IF NOT EXISTS FOR (n:Allocation) REQUIRE n.id IS UNIQUE
