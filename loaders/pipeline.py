"""The whole loading flow for a folder of documents: read, extract, resolve, curate, verify. No database."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from graph.model import Facts
from loaders.extract import extract_documents
from loaders.read import MAX_DOCUMENT_BYTES, Document, DocumentError, check_numbers, read_document


def read_directory(folder: Path, max_bytes: int = MAX_DOCUMENT_BYTES) -> list[Document]:
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        raise DocumentError(str(folder), 0, "no .txt documents in this folder")
    return [read_document(path, max_bytes) for path in paths]


def load_directory(folder: Path, progress: Callable[[str], None] | None = None,
                   max_document_bytes: int = MAX_DOCUMENT_BYTES) -> Facts:
    """Facts for every document in `folder`; raises DocumentError (naming document and line) on bad input."""
    documents = read_directory(folder, max_document_bytes)
    facts = extract_documents(documents, progress=progress)
    verify_evidence(facts, {doc.id: doc for doc in documents})
    check_numbers(facts, {doc.id: doc for doc in documents})
    facts.validate_schema()
    return facts


def verify_evidence(facts: Facts, documents: dict[str, Document]) -> None:
    """Every quote must be the document's text at its span; anything else is a loader bug."""
    items = [(n.id, n.evidence) for n in facts.nodes.values()]
    items += [(r.key, r.evidence) for r in facts.relationships.values()]
    for item_id, evidence in items:
        for ev in evidence:
            doc = documents.get(ev.doc)
            if doc is None or doc.text[ev.start : ev.end] != ev.quote:
                raise DocumentError(ev.doc, doc.line_at(ev.start) if doc else 0, f"evidence of {item_id} does not match")
