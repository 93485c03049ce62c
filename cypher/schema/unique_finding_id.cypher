// Schema: Finding ids are unique (the constraint also builds the index that MERGE and MATCH by id use).
// Parameters: none.
CREATE CONSTRAINT finding_id IF NOT EXISTS FOR (n:Finding) REQUIRE n.id IS UNIQUE
