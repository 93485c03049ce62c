"""A tiny builder for hand-made landscapes with known answers (no database)."""
from __future__ import annotations

from typing import Any

import networkx as nx

from graph.analysis import analyse
from graph.analysis.findings import Finding
from graph.analysis.landscape import Landscape


class Landscape_:
    """Chainable: Landscape_().area(...).body(...).line(...)."""

    def __init__(self) -> None:
        self.graph = nx.MultiDiGraph()

    def _ev(self, node: str) -> list[dict[str, Any]]:
        return [{"doc": "doc-test", "start": 0, "end": len(node), "quote": f"quote about {node}", "method": "test"}]

    def node(self, node_id: str, label: str, name: str | None = None, **props: Any) -> Landscape_:
        self.graph.add_node(node_id, label=label, id=node_id, name=name or node_id, aliases=[],
                            evidence=self._ev(node_id), **props)
        return self

    def area(self, area_id: str, level: str, within: str | None = None, name: str | None = None) -> Landscape_:
        self.node(area_id, "Area", name or area_id, level=level)
        if within is not None:
            self.edge(area_id, within, "PART_OF")
        return self

    def body(self, body_id: str, kind: str = "board", covers: str | None = None, name: str | None = None,
             **props: Any) -> Landscape_:
        self.node(body_id, "Body", name or body_id, kind=kind, **{"status": "current", **props})
        if covers is not None:
            self.edge(body_id, covers, "COVERS")
        return self

    def edge(self, start: str, end: str, rel_type: str, **props: Any) -> Landscape_:
        self.graph.add_edge(start, end, key=rel_type, type=rel_type, evidence=self._ev(f"{start} {rel_type} {end}"),
                            **props)
        return self

    def priority(self, holder: str, *themes: str) -> Landscape_:
        for theme in themes:
            theme_id = f"theme-{theme}"
            if theme_id not in self.graph:
                self.node(theme_id, "Theme", theme.replace("-", " ").capitalize())
            priority = f"priority-{holder}-{theme}"
            self.node(priority, "Priority", f"Tackle {theme}", text=f"Tackle {theme}")
            self.edge(holder, priority, "HAS_PRIORITY").edge(priority, theme_id, "ABOUT")
        return self

    def view(self, as_of: str | None = None) -> Landscape:
        return Landscape.build(self.graph, as_of)


def rules(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def node_ids(finding: Finding) -> set[str]:
    return {n.id for n in finding.nodes}


def all_findings(graph: nx.MultiDiGraph, as_of: str | None = None) -> list[Finding]:
    return [f for found in analyse(graph, as_of).findings.values() for f in found]
