"""Extraction entry point (placeholder: documents only)."""
from __future__ import annotations

from collections.abc import Callable

from graph.model import Facts, Node
from loaders.read import Document


def extract_documents(documents: list[Document], progress: Callable[[str], None] | None = None) -> Facts:
    facts = Facts()
    for doc in documents:
        first = next(line for line in doc.lines if line.stripped)
        facts.add_node(Node(id=f"doc-{doc.id}", label="Document", name=first.stripped,
                            properties={"file": doc.path.name, "chars": len(doc.text), "sha256": doc.sha256},
                            evidence=[doc.evidence(first.start, first.end, "heading")]))
        if progress is not None:
            progress(doc.id)
    return facts
