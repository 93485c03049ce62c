"""The drawing-neutral diagram model: nodes, lines, area clusters, title and notes, built once and rendered twice."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Category = Literal["body", "role", "stream", "allocation", "recipient", "programme", "theme", "area"]
# How sure a line is: a fact that holds, an intention ("will be", "it is proposed"), or a line that is out of date.
LineState = Literal["current", "planned", "proposed", "stale"]
DiagramKind = Literal["landscape", "area", "subtree", "chain", "funding"]


@dataclass
class DiagramNode:
    id: str
    name: str
    category: Category
    kind: str = ""
    status: str = "current"
    cluster: str | None = None
    notes: list[str] = field(default_factory=list)
    marks: list[str] = field(default_factory=list)
    focus: bool = False
    dissolved: bool = False
    context: bool = False  # drawn for orientation only (outside the area or subtree asked for)
    link: str | None = None  # where a click on the box goes (an area's own page, in an overview)
    hidden: bool = False  # laid out but not drawn: absent at this date in a pair of diagrams sharing one layout
    size: tuple[float, float] | None = None  # fixed box (inches), so that another date's wording moves nothing


@dataclass
class DiagramEdge:
    source: str
    target: str
    relation: str
    state: LineState = "current"
    label: str | None = None
    marks: list[str] = field(default_factory=list)
    # Draw against the direction of the ranking (an overseer above what it oversees, money flowing down).
    reverse: bool = False
    hidden: bool = False  # laid out but not drawn (see DiagramNode.hidden)
    ranks: bool = True  # False: drawn, but leaves the ranking to the other lines (an overview's counted lines)


@dataclass
class Cluster:
    id: str
    title: str
    parent: str | None = None


@dataclass
class FindingNote:
    mark: str
    category: str
    rule: str
    severity: str
    text: str


@dataclass
class Diagram:
    kind: DiagramKind
    title: str
    as_of: str | None
    rankdir: str = "BT"
    nodes: dict[str, DiagramNode] = field(default_factory=dict)
    edges: list[DiagramEdge] = field(default_factory=list)
    clusters: dict[str, Cluster] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    findings: list[FindingNote] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    depth: int | None = None
    depth_requested: int | None = None

    @property
    def depth_capped(self) -> bool:
        return self.depth is not None and self.depth_requested is not None and self.depth_requested > self.depth

    def cluster_layout(self) -> tuple[dict[str | None, list[DiagramNode]], dict[str | None, list[str]]]:
        """The nodes of each cluster (None: outside every cluster) and the child clusters of each cluster."""
        members: dict[str | None, list[DiagramNode]] = {}
        for node in self.nodes.values():
            members.setdefault(node.cluster if node.cluster in self.clusters else None, []).append(node)
        children: dict[str | None, list[str]] = {}
        for cluster in self.clusters.values():
            children.setdefault(cluster.parent, []).append(cluster.id)
        return members, children

    def add_node(self, node: DiagramNode) -> DiagramNode:
        existing = self.nodes.get(node.id)
        if existing is not None:
            existing.focus = existing.focus or node.focus
            existing.context = existing.context and node.context
            return existing
        self.nodes[node.id] = node
        return node

    def add_edge(self, edge: DiagramEdge) -> None:
        for existing in self.edges:
            if (existing.source, existing.target, existing.relation) == (edge.source, edge.target, edge.relation):
                return
        self.edges.append(edge)

    def relations(self) -> list[str]:
        return list(dict.fromkeys(e.relation for e in self.edges))
