"""The typed, database-free intermediate graph (Facts) that loaders produce and the store writes."""
from __future__ import annotations

import re
import unicodedata

from pydantic import BaseModel, ConfigDict, Field

from graph.schema import load_schema

Scalar = str | int | float | bool | None
Value = Scalar | list[str] | list[int] | list[float]


class Evidence(BaseModel):
    """Where a fact came from: the document, the span, the verbatim quote and the method."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    doc: str
    start: int
    end: int
    quote: str
    method: str


class Node(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    label: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    properties: dict[str, Value] = Field(default_factory=dict)
    evidence: list[Evidence] = Field(default_factory=list)


class Relationship(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: str
    start: str
    end: str
    properties: dict[str, Value] = Field(default_factory=dict)
    evidence: list[Evidence] = Field(default_factory=list)

    @property
    def key(self) -> str:
        """Deterministic identity: one relationship per (type, start, end)."""
        return f"{self.type}:{self.start}->{self.end}"


class Finding(BaseModel):
    """A data-quality observation about a document (reported, never 'fixed')."""

    model_config = ConfigDict(extra="forbid")
    rule: str
    doc: str
    line: int
    message: str
    evidence: list[Evidence] = Field(default_factory=list)


class SchemaError(ValueError):
    """Facts that break the declared schema; nothing is written."""


class Facts(BaseModel):
    model_config = ConfigDict(extra="forbid")
    nodes: dict[str, Node] = Field(default_factory=dict)
    relationships: dict[str, Relationship] = Field(default_factory=dict)
    findings: list[Finding] = Field(default_factory=list)

    def add_node(self, node: Node) -> Node:
        """Add a node, or merge aliases, properties and evidence into the one already there."""
        have = self.nodes.get(node.id)
        if have is None:
            self.nodes[node.id] = node
            return node
        if have.label != node.label:
            raise SchemaError(f"node {node.id!r} is both {have.label} and {node.label}")
        for alias in [node.name, *node.aliases]:
            if alias != have.name and alias not in have.aliases:
                have.aliases.append(alias)
        for key, value in node.properties.items():
            have.properties.setdefault(key, value)
        _merge_evidence(have.evidence, node.evidence)
        return have

    def add_relationship(self, rel: Relationship) -> Relationship:
        have = self.relationships.get(rel.key)
        if have is None:
            self.relationships[rel.key] = rel
            return rel
        # The firmest status wins: a line stated as current elsewhere is current.
        firmness = {"current": 0, "planned": 1, "proposed": 2}
        new_status, old_status = str(rel.properties.get("status") or ""), str(have.properties.get("status") or "")
        if new_status and firmness.get(new_status, 3) < firmness.get(old_status, 3):
            have.properties["status"] = new_status
        for key, value in rel.properties.items():
            have.properties.setdefault(key, value)
        _merge_evidence(have.evidence, rel.evidence)
        return have

    def validate_schema(self) -> None:
        """Raise SchemaError on any label, type, endpoint, property or evidence outside the schema."""
        schema = load_schema()
        problems: list[str] = []
        for node in self.nodes.values():
            allowed = schema.labels.get(node.label)
            if allowed is None:
                problems.append(f"node {node.id}: unknown label {node.label}")
                continue
            extra = set(node.properties) - allowed
            if extra:
                problems.append(f"node {node.id}: properties {sorted(extra)} not allowed on {node.label}")
            if not node.evidence:
                problems.append(f"node {node.id}: no evidence")
            kind = node.properties.get("kind")
            if node.label == "Body" and kind not in schema.body_kinds:
                problems.append(f"node {node.id}: kind {kind!r} not in the controlled list")
            status = node.properties.get("status")
            if status is not None and status not in schema.statuses:
                problems.append(f"node {node.id}: status {status!r} unknown")
        for rel in self.relationships.values():
            rule = schema.relationships.get(rel.type)
            if rule is None:
                problems.append(f"{rel.key}: unknown relationship type")
                continue
            start, end = self.nodes.get(rel.start), self.nodes.get(rel.end)
            if start is None or end is None:
                problems.append(f"{rel.key}: endpoint missing")
                continue
            if start.label not in rule.starts or end.label not in rule.ends:
                problems.append(f"{rel.key}: {start.label}->{end.label} not allowed for {rel.type}")
            extra = set(rel.properties) - rule.properties
            if extra:
                problems.append(f"{rel.key}: properties {sorted(extra)} not allowed")
            if not rel.evidence:
                problems.append(f"{rel.key}: no evidence")
            status = rel.properties.get("status")
            if status is not None and status not in schema.statuses:
                problems.append(f"{rel.key}: status {status!r} unknown")
        if problems:
            raise SchemaError("; ".join(problems[:20]) + (f" (+{len(problems) - 20} more)" if len(problems) > 20 else ""))


def _merge_evidence(into: list[Evidence], more: list[Evidence]) -> None:
    seen = {(e.doc, e.start, e.end) for e in into}
    for ev in more:
        if (ev.doc, ev.start, ev.end) not in seen:
            into.append(ev)
            seen.add((ev.doc, ev.start, ev.end))


# Node ids are the label's prefix and the slug of the canonical name ("area-leicestershire", "theme-domestic-abuse").
ID_PREFIX = {"Role": "role-", "Priority": "priority-", "Theme": "theme-", "FundingStream": "stream-",
             "Allocation": "", "Programme": "programme-", "Area": "area-", "Legislation": "legislation-",
             "Document": "doc-", "Finding": "finding-", "Body": ""}


def slugify(text: str) -> str:
    """Deterministic id from a name: ascii, lower case, '&' as 'and', words joined by '-'."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = text.replace("&", " and ").lower()
    text = re.sub(r"['\u2019]", "", text)
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text
