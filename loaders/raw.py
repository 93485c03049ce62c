"""Raw facts: things and lines as a document names them, before resolution (loaders.resolve) gives them ids.
Every extraction stage writes here and nothing here imports a stage, so the stages do not import each other."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph.model import Evidence, Finding
from loaders.read import Document


@dataclass(frozen=True)
class Ref:
    """A thing as a document names it; loaders.resolve maps it to a node id."""

    label: str
    name: str


@dataclass
class RawNode:
    ref: Ref
    evidence: Evidence
    properties: dict[str, Any] = field(default_factory=dict)


@dataclass
class RawRel:
    type: str
    start: Ref
    end: Ref
    evidence: Evidence
    properties: dict[str, Any] = field(default_factory=dict)


@dataclass
class Raw:
    nodes: list[RawNode] = field(default_factory=list)
    rels: list[RawRel] = field(default_factory=list)
    aliases: list[tuple[Ref, str, Evidence]] = field(default_factory=list)  # (thing, another name for it)
    findings: list[Finding] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)

    def node(self, ref: Ref, ev: Evidence, **props: Any) -> Ref:
        self.nodes.append(RawNode(ref, ev, {k: v for k, v in props.items() if v is not None}))
        return ref

    def rel(self, rel_type: str, start: Ref, end: Ref, ev: Evidence, **props: Any) -> None:
        if start == end:
            return
        self.rels.append(RawRel(rel_type, start, end, ev, {k: v for k, v in props.items() if v is not None}))
