// Schema: one load marker (the :Load node every load writes, see load/mark_load), even when two loads run at once.
// Parameters: none.
CREATE CONSTRAINT load_marker IF NOT EXISTS FOR (n:Load) REQUIRE n.marker IS UNIQUE
