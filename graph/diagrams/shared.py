"""Diagrams of the same thing at several dates laid out once: every diagram holds the union of the bodies and lines
of all of them, with what its own date lacks hidden (Graphviz lays out invisible boxes like visible ones), so the
same body is drawn in the same place in each and the pictures can be compared side by side."""
from __future__ import annotations

import copy
import shlex
from collections.abc import Sequence

from graph.diagrams.model import Cluster, Diagram, DiagramEdge, DiagramNode

EdgeKey = tuple[str, str, str]


def _key(edge: DiagramEdge) -> EdgeKey:
    return edge.source, edge.target, edge.relation


def shared_layout(diagrams: Sequence[Diagram]) -> list[Diagram]:
    """One diagram per input, each over the union of all of them: each box keeps its own date's wording, in a box
    of one fixed size (the largest of its wordings) and one cluster; what a date lacks is laid out but hidden."""
    if len(diagrams) < 2:
        return [copy.deepcopy(d) for d in diagrams]
    latest_first = list(reversed(diagrams))
    text: dict[str, DiagramNode] = {}
    clusters: dict[str, Cluster] = {}
    edges: dict[EdgeKey, DiagramEdge] = {}
    sources: list[str] = []
    for diagram in latest_first:
        for node in diagram.nodes.values():
            text.setdefault(node.id, node)
        for cluster_id, cluster in diagram.clusters.items():
            clusters.setdefault(cluster_id, cluster)
        for edge in diagram.edges:
            edges.setdefault(_key(edge), edge)
        sources.extend(s for s in diagram.sources if s not in sources)
    out = []
    for diagram in diagrams:
        shared = copy.deepcopy(diagram)
        shared.clusters = copy.deepcopy(clusters)
        shared.sources = sorted(sources)
        shared.nodes = {}
        for node_id in sorted(text):
            own = diagram.nodes.get(node_id)
            node = copy.deepcopy(own if own is not None else text[node_id])
            node.cluster, node.hidden = text[node_id].cluster, own is None
            shared.nodes[node_id] = node
        own_edges = {_key(e): e for e in diagram.edges}
        shared.edges = []
        for key in sorted(edges):
            edge = copy.deepcopy(own_edges.get(key, edges[key]))
            edge.label = edges[key].label
            edge.hidden = key not in own_edges
            shared.edges.append(edge)
        dates = ", ".join(str(d.as_of or "today") for d in diagrams)
        shared.notes.append(f"One layout for {dates}: each body is in the same place in every one of them.")
        out.append(shared)
    _fix_sizes(out)
    return out


def _fix_sizes(diagrams: list[Diagram]) -> None:
    """Every box as large as its largest wording at any of the dates, fixed: text then cannot move the layout."""
    from graph.diagrams.dot import to_dot

    sizes: dict[str, tuple[float, float]] = {}
    for diagram in diagrams:
        shown = copy.deepcopy(diagram)
        for node in shown.nodes.values():
            node.hidden = False
        plain = to_dot(shown).pipe(format="plain").decode("utf-8")
        for line in plain.splitlines():
            parts = shlex.split(line) if line.startswith("node ") else []
            if len(parts) >= 6 and parts[1] in shown.nodes:
                width, height = float(parts[4]), float(parts[5])
                old = sizes.get(parts[1], (0.0, 0.0))
                sizes[parts[1]] = (max(old[0], width), max(old[1], height))
    for diagram in diagrams:
        for node_id, node in diagram.nodes.items():
            node.size = sizes.get(node_id)


def without_hidden(diagram: Diagram) -> Diagram:
    """The diagram with its hidden boxes and lines left out (for Mermaid, which has no invisible boxes)."""
    if not any(n.hidden for n in diagram.nodes.values()) and not any(e.hidden for e in diagram.edges):
        return diagram
    shown = copy.deepcopy(diagram)
    shown.nodes = {k: n for k, n in shown.nodes.items() if not n.hidden}
    shown.edges = [e for e in shown.edges if not e.hidden]
    return shown
