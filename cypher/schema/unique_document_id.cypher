// Schema: Document ids are unique (the constraint also builds the index that MERGE and MATCH by id use).
// Parameters: none.
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE
