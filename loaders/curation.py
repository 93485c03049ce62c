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
    source: str = ""  # the curation file's text, to name the line of an entry
    # same_as groups as applied: (label, canonical, names, the quote's evidence); resolve scopes them by place
    groups: list[tuple[str, str, list[str], Evidence]] = field(default_factory=list)

    def quote(self, entry: dict[str, Any], where: str) -> Evidence:
        spec = entry.get("quote")
        if not isinstance(spec, dict) or "doc" not in spec or "text" not in spec:
            raise CurationError(CURATION_FILE, self.entry_line(where, entry),
                                f"{where}: every entry needs quote: {{doc, text}}")
        doc = self.documents.get(spec["doc"])
        if doc is None:
            raise CurationError(CURATION_FILE, self.entry_line(where, entry),
                                f"{where}: no document {spec['doc']!r} among those loaded")
        start = doc.text.find(spec["text"])
        if start == -1:
            near, how = expected_near(doc, spec["text"])
            raise CurationError(spec["doc"], near,
                                f"the curated quote for {where} ({CURATION_FILE} line {self.entry_line(where, entry)})"
                                f" is not in the document ({how}): {spec['text']!r}")
        return doc.evidence(start, start + len(spec["text"]), "curated")

    def entry_line(self, where: str, entry: dict[str, Any]) -> int:
        """The line of the curation file that holds an entry (its quote's text, else its canonical name)."""
        quote = entry.get("quote")
        spec: dict[str, Any] = quote if isinstance(quote, dict) else {}
        for needle in (str(spec.get("text", ""))[:40], str(entry.get("canonical", "")), where.split(".")[-1]):
            needle = needle.split("\n")[0].strip()
            if not needle:
                continue
            for number, line in enumerate(self.source.splitlines(), start=1):
                if needle in line:
                    return number
        return 1

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

    def apply_to(self, raw: Raw) -> None:
        """Curated groups become raw nodes and aliases at their quote (so resolve scopes them by the quote's
        place: "Police" in a Leicestershire document is Leicestershire Police, not another area's force)."""
        from loaders.raw import Ref

        self.groups = []
        for index, group in enumerate(self.entries.get("same_as") or []):
            label = group.get("label", "Body")
            ev = self.quote(group, f"same_as[{index}]")
            canonical = group["canonical"]
            ref = Ref(label, canonical)
            raw.node(ref, ev, **(group.get("properties") or {}))
            names = [str(n) for n in group.get("names") or []]
            self.groups.append((label, canonical, names, ev))
            for name in names:
                raw.aliases.append((ref, name, ev))
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
    source = ""
    if path.exists():
        try:
            source = path.read_text(encoding="utf-8")
            entries = yaml.safe_load(source) or {}
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            raise CurationError(path.name, (mark.line + 1) if mark else 0, f"not valid YAML: {error}") from error
    curation = Curation(entries=entries, documents=documents, source=source)
    # Document metadata entries are checked up front, so a bad quote fails before anything else.
    for doc_id, meta in (entries.get("documents") or {}).items():
        if doc_id in documents:
            curation.quote(meta, f"documents.{doc_id}")
    _CURRENT[:] = [curation]
    return curation


def expected_near(doc: Document, quote: str) -> tuple[int, str]:
    """Where a quote that is not verbatim was probably meant: the line of its longest opening (or closing) run of
    words that the document does contain, so the error points at the place to compare."""
    words = quote.split()
    for size in range(len(words) - 1, 1, -1):
        for part in (" ".join(words[:size]), " ".join(words[-size:])):
            found = _find_spaced(doc.text, part)
            if found != -1:
                return doc.line_at(found), f"its words as far as {' '.join(part.split()[-3:])!r} are on this line"
    return 1, "no run of its words is in the document"


def _find_spaced(text: str, part: str) -> int:
    """Find `part` with any white space between its words (a quote copied across a line break)."""
    pattern = r"\s+".join(re.escape(w) for w in part.split())
    match = re.search(pattern, text)
    return match.start() if match else -1


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
