// Schema: a full-text (Lucene) index over the folded names and aliases of named nodes. `search_bodies` queries it;
// in Neo4j Browser: CALL db.index.fulltext.queryNodes('names', 'search_text:cspb') YIELD node, score RETURN node, score
// Parameters: none.
CREATE FULLTEXT INDEX names IF NOT EXISTS FOR (n:Body|Programme|FundingStream|Area|Role) ON EACH [n.name, n.search_text]
