# The API for docker compose: Python and Graphviz only; Neo4j is its own service (NEO4J_URI).
FROM python:3.11.7-slim-bookworm
RUN apt-get update && apt-get install -y --no-install-recommends graphviz && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md ./
COPY graph graph
COPY api api
COPY cli cli
COPY loaders loaders
COPY cypher cypher
COPY seeds seeds
COPY docs/browser docs/browser
RUN pip install --no-cache-dir -e .
# Load the seeds when the database is empty, then serve.
CMD ["sh", "-c", "landscape load --if-empty --quiet && landscape serve --host 0.0.0.0 --port 8000"]
