"""The HTTP API: FastAPI routes over the Cypher library."""
