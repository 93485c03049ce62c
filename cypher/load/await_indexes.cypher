// Load: wait (at most $seconds) until every index is online; a new full-text index is populated in the background.
// Parameters: $seconds.
CALL db.awaitIndexes($seconds)
