// Schema: FundingStream ids are unique (the constraint also builds the index that MERGE and MATCH by id use).
// Parameters: none.
CREATE CONSTRAINT funding_stream_id IF NOT EXISTS FOR (n:FundingStream) REQUIRE n.id IS UNIQUE
