"""The load report: per document, what a load added (counts by type, new bodies, new lines) and what it could not
read (the extraction's findings: a table it could not parse, a list with no owner, and any other finding).

A user who drops a document into a folder reads this to see whether the loader understood it, and where to add a
curation entry if it did not. "New" is measured against the graph as it was before the load when the caller knows
it (`before`), else against the other documents of the same load."""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from graph.model import Facts, Node, Relationship

UNREAD_RULES = frozenset({"unread-table", "list-without-owner"})  # findings that say "this part was not read"
BOOKKEEPING = frozenset({"MENTIONS", "HAS_FINDING"})  # lines every load writes, not what a document states
SHOWN = 10  # items of each list printed; the JSON has all of them


@dataclass
class Before:
    """What the graph held before the load: node ids and relationship keys ("TYPE:start->end")."""

    nodes: set[str] = field(default_factory=set)
    relationships: set[str] = field(default_factory=set)

    @classmethod
    def from_export(cls, export: dict[str, list[dict[str, Any]]]) -> Before:
        return cls(nodes={n["id"] for n in export.get("nodes", [])},
                   relationships={f"{r['type']}:{r['start']}->{r['end']}" for r in export.get("relationships", [])})


@dataclass
class Unread:
    rule: str
    line: int
    message: str


@dataclass
class DocumentReport:
    doc: str
    file: str
    title: str
    area: str
    nodes: dict[str, int]
    lines: dict[str, int]
    new_bodies: list[str]
    new_lines: list[str]
    unread: list[Unread]
    findings: list[Unread]


@dataclass
class LoadReport:
    new_against: str  # "graph" (the graph before the load) or "other documents" (of this load)
    documents: list[DocumentReport]

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, ensure_ascii=False)

    def write(self, path: Path) -> None:
        path.write_text(self.to_json() + "\n", encoding="utf-8")

    def text(self) -> str:
        return "\n".join(_document_text(d, self.new_against) for d in self.documents)


def build_report(facts: Facts, before: Before | None = None) -> LoadReport:
    """The report of a load whose result is `facts` (every document in it gets an entry, in document order)."""
    docs = sorted((n for n in facts.nodes.values() if n.label == "Document"), key=lambda n: n.id)
    by_doc_nodes: dict[str, list[Node]] = {d.id[4:]: [] for d in docs}
    by_doc_lines: dict[str, list[Relationship]] = {d.id[4:]: [] for d in docs}
    for node in facts.nodes.values():
        if node.label in {"Document", "Finding"}:
            continue
        for doc in {ev.doc for ev in node.evidence} & set(by_doc_nodes):
            by_doc_nodes[doc].append(node)
    for rel in facts.relationships.values():
        if rel.type in BOOKKEEPING:
            continue
        for doc in {ev.doc for ev in rel.evidence} & set(by_doc_lines):
            by_doc_lines[doc].append(rel)
    reports = [_document(doc, by_doc_nodes, by_doc_lines, facts, before) for doc in docs]
    return LoadReport(new_against="graph" if before is not None else "other documents", documents=reports)


def _document(doc: Node, nodes: dict[str, list[Node]], lines: dict[str, list[Relationship]], facts: Facts,
              before: Before | None) -> DocumentReport:
    doc_id = doc.id[4:]
    mine, my_lines = nodes[doc_id], lines[doc_id]
    if before is not None:
        new_bodies = [n for n in mine if n.label == "Body" and n.id not in before.nodes]
        new_lines = [r for r in my_lines if r.key not in before.relationships]
    else:  # what no other document of this load says
        new_bodies = [n for n in mine if n.label == "Body" and {ev.doc for ev in n.evidence} == {doc_id}]
        new_lines = [r for r in my_lines if {ev.doc for ev in r.evidence} == {doc_id}]
    findings = [f for f in facts.findings if f.doc == doc_id]
    return DocumentReport(
        doc=doc_id, file=str(doc.properties.get("file", "")), title=doc.name, area=str(doc.properties.get("area", "")),
        nodes=dict(sorted(Counter(n.label for n in mine).items())),
        lines=dict(sorted(Counter(r.type for r in my_lines).items())),
        new_bodies=sorted(n.name for n in new_bodies),
        new_lines=sorted(_line(r, facts) for r in new_lines),
        unread=[Unread(f.rule, f.line, f.message) for f in findings if f.rule in UNREAD_RULES],
        findings=[Unread(f.rule, f.line, f.message) for f in findings if f.rule not in UNREAD_RULES],
    )


def _line(rel: Relationship, facts: Facts) -> str:
    def name(node_id: str) -> str:
        node = facts.nodes.get(node_id)
        return node.name if node is not None else node_id

    status = rel.properties.get("status")
    suffix = f" ({status})" if status and status != "current" else ""
    return f"{name(rel.start)} -{rel.type}-> {name(rel.end)}{suffix}"


def _document_text(d: DocumentReport, new_against: str) -> str:
    where = f" ({d.area})" if d.area else ""
    out = [f"{d.file or d.doc}{where}: {d.title}",
           "  added: " + (_counts(d.nodes) or "nothing") + "; lines: " + (_counts(d.lines) or "none")]
    basis = "not in the graph before" if new_against == "graph" else "in no other document"
    out.append(f"  new bodies ({len(d.new_bodies)}, {basis}): " + _listed(d.new_bodies))
    out.append(f"  new lines ({len(d.new_lines)}): " + _listed(d.new_lines, "; "))
    if d.unread:
        out.append(f"  could not read ({len(d.unread)}):")
        out.extend(f"    line {u.line}: {u.rule}: {u.message}" for u in d.unread[:SHOWN])
    else:
        out.append("  could not read: nothing reported")
    for f in d.findings[:SHOWN]:
        out.append(f"  finding, line {f.line}: {f.rule}: {f.message}")
    return "\n".join(out)


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{v} {k}" for k, v in counts.items())


def _listed(items: list[str], sep: str = ", ") -> str:
    if not items:
        return "none"
    more = f"{sep}... and {len(items) - SHOWN} more" if len(items) > SHOWN else ""
    return sep.join(items[:SHOWN]) + more
