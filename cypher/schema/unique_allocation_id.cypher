// Schema: Allocation ids are unique (the constraint also builds the index that MERGE and MATCH by id use).
// Parameters: none.
CREATE CONSTRAINT allocation_id IF NOT EXISTS FOR (n:Allocation) REQUIRE n.id IS UNIQUE
