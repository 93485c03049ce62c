// Neo4j only: a full-text index over names and aliases for Neo4j Browser users (CREATE FULLTEXT INDEX is
// not supported by the embedded engine). Parameters: none.
CREATE FULLTEXT INDEX names IF NOT EXISTS FOR (n:Body|Programme|FundingStream|Area|Role) ON EACH [n.name, n.search_text]
