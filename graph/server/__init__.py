"""The project's own Neo4j server: what it needs installed (install), and its process (lifecycle)."""
