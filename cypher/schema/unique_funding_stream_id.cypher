// Schema: FundingStream ids are unique (runs on Neo4j and on the embedded engine, where it also builds the id index).
// Parameters: none.
CREATE CONSTRAINT funding_stream_id IF NOT EXISTS FOR (n:FundingStream) REQUIRE n.id IS UNIQUE
