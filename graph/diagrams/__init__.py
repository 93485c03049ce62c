"""Governance diagrams from the projection: the landscape, an area, a body's subtree or chain, funding flows;
rendered to Graphviz (DOT, SVG, PNG) and Mermaid. Building and rendering are pure: no engine, no HTTP."""
from __future__ import annotations

import networkx as nx

from graph.diagrams.build import (
    MAX_DEPTH,
    area_diagram,
    body_diagram,
    funding_diagram,
    landscape_diagram,
)
from graph.diagrams.dot import RenderError, dot_source, render, to_dot
from graph.diagrams.highlight import highlight
from graph.diagrams.mermaid import to_mermaid
from graph.diagrams.model import Diagram, DiagramEdge, DiagramNode
from graph.diagrams.shared import shared_layout, without_hidden
from graph.lookup import UnknownNode

FORMATS = ("svg", "png", "dot", "mmd")
MEDIA_TYPES = {"svg": "image/svg+xml", "png": "image/png", "dot": "text/vnd.graphviz; charset=utf-8",
               "mmd": "text/vnd.mermaid; charset=utf-8"}


def output(diagram: Diagram, fmt: str) -> bytes:
    """The diagram in one of FORMATS: svg and png need Graphviz's `dot`; dot and mmd are text."""
    if fmt == "mmd":
        return to_mermaid(without_hidden(diagram)).encode()
    return render(diagram, fmt)


def with_findings(diagram: Diagram, graph: nx.MultiDiGraph, severity: str = "medium") -> Diagram:
    """Mark the analysis' duplication and gap findings (at or above `severity`) on the diagram."""
    from graph.analysis import cached_analysis

    return highlight(diagram, cached_analysis(graph, diagram.as_of), severity)


__all__ = ["FORMATS", "MAX_DEPTH", "MEDIA_TYPES", "Diagram", "DiagramEdge", "DiagramNode", "RenderError",
           "UnknownNode", "area_diagram", "body_diagram", "dot_source", "funding_diagram", "highlight",
           "landscape_diagram", "output", "render", "shared_layout", "to_dot", "to_mermaid", "with_findings", "without_hidden"]
