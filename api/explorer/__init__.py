"""The explorer in the browser: server-rendered pages over the API's answers (search, bodies, documents, findings,
exports), a graph view and a Cypher workbench whose scripts esbuild bundles from src/ into the git-ignored dist/."""
