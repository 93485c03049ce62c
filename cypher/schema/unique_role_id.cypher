// Schema: Role ids are unique (the constraint also builds the index that MERGE and MATCH by id use).
// Parameters: none.
CREATE CONSTRAINT role_id IF NOT EXISTS FOR (n:Role) REQUIRE n.id IS UNIQUE
