"""The curated file (seeds/curation.yaml): aliases, canonical names, document metadata and the few facts
rules cannot reach. Every entry cites a verbatim quote; a quote not found in its document is refused."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from graph.model import Evidence
from loaders.read import Document, DocumentError

if TYPE_CHECKING:
    from loaders.raw import Raw

CURATION_FILE = "curation.yaml"


class CurationError(DocumentError):
    pass


@dataclass
class Curation:
    entries: dict[str, Any] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    canonical: dict[str, dict[str, str]] = field(default_factory=dict)  # label -> normalised name -> canonical

    def quote(self, entry: dict[str, Any], where: str) -> Evidence:
        spec = entry.get("quote")
        if not isinstance(spec, dict) or "doc" not in spec or "text" not in spec:
            raise CurationError(CURATION_FILE, 0, f"{where}: every entry needs quote: {{doc, text}}")
        doc = self.documents.get(spec["doc"])
        if doc is None:
            raise CurationError(CURATION_FILE, 0, f"{where}: no document {spec['doc']!r}")
        start = doc.text.find(spec["text"])
        if start == -1:
            raise CurationError(spec["doc"], 0, f"curated quote for {where} is not in the document: {spec['text']!r}")
        return doc.evidence(start, start + len(spec["text"]), "curated")

    def known_names(self) -> list[tuple[str, str]]:
        """Names of curated bodies that have no head noun ("Leicestershire Together"), for mention finding."""
        out: list[tuple[str, str]] = []
        for group in self.entries.get("same_as") or []:
            if group.get("label", "Body") == "Body" and group.get("match", False):
                out.extend((name, "Body") for name in [group["canonical"], *(group.get("names") or [])]
                           if not name.isupper())
        return out

    def properties_for(self, label: str, canonical: str) -> dict[str, Any]:
        """Curated properties win over rule guesses (a name without a head noun has no kind to guess)."""
        for group in self.entries.get("same_as") or []:
            if group.get("label", "Body") == label and group["canonical"] == canonical:
                return dict(group.get("properties") or {})
        return {}

    def canonical_for(self, label: str, keys: set[str]) -> str | None:
        table = self.canonical.get(label, {})
        for key in sorted(keys):
            if key in table:
                return table[key]
        return None

    def apply_to(self, raw: Raw) -> None:
        from loaders.raw import Ref
        from loaders.resolve import normalise

        for index, group in enumerate(self.entries.get("same_as") or []):
            label = group.get("label", "Body")
            ev = self.quote(group, f"same_as[{index}]")
            canonical = group["canonical"]
            ref = Ref(label, canonical)
            raw.node(ref, ev, **(group.get("properties") or {}))
            table = self.canonical.setdefault(label, {})
            table[normalise(canonical)] = canonical
            for name in group.get("names") or []:
                raw.aliases.append((ref, name, ev))
                if not name.isupper():
                    table[normalise(name)] = canonical
        for index, fact in enumerate(self.entries.get("facts") or []):
            ev = self.quote(fact, f"facts[{index}]")
            start = Ref(fact["start"]["label"], fact["start"]["name"])
            end = Ref(fact["end"]["label"], fact["end"]["name"])
            for ref in (start, end):
                raw.node(ref, ev)
            props = {k: fact[k] for k in ("status", "valid_from", "valid_to") if k in fact}
            raw.rel(fact["type"], start, end, ev, **props)


_CURRENT: list[Curation] = []


def load_curation(documents: dict[str, Document], path: Path | None = None) -> Curation:
    if path is None:
        folder = next(iter(documents.values())).path.parent if documents else Path(".")
        path = folder / CURATION_FILE
    entries: dict[str, Any] = {}
    if path.exists():
        try:
            entries = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            raise CurationError(path.name, (mark.line + 1) if mark else 0, f"not valid YAML: {error}") from error
    curation = Curation(entries=entries, documents=documents)
    # Document metadata entries are checked up front, so a bad quote fails before anything else.
    for doc_id, meta in (entries.get("documents") or {}).items():
        if doc_id in documents:
            curation.quote(meta, f"documents.{doc_id}")
    _CURRENT[:] = [curation]
    return curation


def document_metadata(doc: Document, raw: Raw) -> tuple[dict[str, Any], Evidence]:
    """Title, date and publisher of a document: curated (with a quote), else its first line."""
    curation = _CURRENT[0] if _CURRENT else None
    meta = (curation.entries.get("documents") or {}).get(doc.id) if curation else None
    if meta is not None and curation is not None:
        ev = curation.quote(meta, f"documents.{doc.id}")
        return {k: meta[k] for k in ("title", "date", "publisher") if k in meta}, ev
    first = next(line for line in doc.lines if line.stripped)
    title = re.sub(r"^[#*\s]+|[#*\s]+$", "", first.stripped)
    return {"title": title}, doc.evidence(first.start, first.end, "heading")
