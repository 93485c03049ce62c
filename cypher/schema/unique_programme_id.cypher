// Schema: Programme ids are unique (the constraint also builds the index that MERGE and MATCH by id use).
// Parameters: none.
CREATE CONSTRAINT programme_id IF NOT EXISTS FOR (n:Programme) REQUIRE n.id IS UNIQUE
