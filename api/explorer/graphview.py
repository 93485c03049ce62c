"""The graph view's data: a neighbourhood, a chain or an area, laid out once for every line at any date, with the
dates of the slider and, for each line and body, whether it holds at each of them (graph.analysis.landscape.holds:
the one meaning of time). The page only hides and shows; it never moves a body."""
from __future__ import annotations

from datetime import date
from typing import Any

import networkx as nx

from graph.analysis.landscape import NOT_YET, UPWARD_TYPES, holds
from graph.diagrams.layout import positions

SUCCESSION = ("MERGED_INTO", "SUCCEEDED_BY")
LINE_TYPES = frozenset({*UPWARD_TYPES, *SUCCESSION, "OVERSEES", "COMMISSIONS", "DELIVERS", "MEMBER_OF", "CHAIRED_BY",
                        "VICE_CHAIRED_BY", "LED_BY"})
NODE_LABELS = frozenset({"Body", "Role"})
SCOPES = ("neighbourhood", "chain", "area")
MAX_NODES = 150
LAYOUT_CACHE = 256


def _lines(graph: nx.MultiDiGraph, node: str) -> list[tuple[str, str, dict[str, Any]]]:
    out = [(node, t, d) for _, t, d in graph.out_edges(node, data=True)]
    out += [(s, node, d) for s, _, d in graph.in_edges(node, data=True)]
    return [(s, t, d) for s, t, d in out if d.get("type") in LINE_TYPES
            and graph.nodes[s].get("label") in NODE_LABELS and graph.nodes[t].get("label") in NODE_LABELS]


def neighbourhood(graph: nx.MultiDiGraph, node: str) -> set[str]:
    return {node} | {s for s, _, _ in _lines(graph, node)} | {t for _, t, _ in _lines(graph, node)}


def chain(graph: nx.MultiDiGraph, node: str) -> set[str]:
    """The body and everything above it through upward lines and successions, at any date."""
    seen, todo = {node}, [node]
    while todo:
        for _, target, data in graph.out_edges(todo.pop(), data=True):
            if data.get("type") in (*UPWARD_TYPES, *SUCCESSION) and target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def area_bodies(graph: nx.MultiDiGraph, area: str) -> set[str]:
    """Bodies covering the area or an area that lies within it."""
    name = graph.nodes[area].get("name")
    areas = {a for a, d in graph.nodes(data=True) if d.get("label") == "Area"
             and (a == area or name in (d.get("within") or []))}
    return {s for s, t, d in graph.edges(data=True) if d.get("type") == "COVERS" and t in areas
            and graph.nodes[s].get("label") == "Body"}


def scope_nodes(graph: nx.MultiDiGraph, focus: str, scope: str) -> set[str]:
    if scope == "chain":
        return chain(graph, focus)
    if scope == "area":
        return area_bodies(graph, focus)
    return neighbourhood(graph, focus)


def slider_dates(graph: nx.MultiDiGraph, lines: list[dict[str, Any]]) -> list[str]:
    """The documents' dates, the dates lines start or end, and today: every date where the picture can change."""
    found = {str(d["date"]) for _, d in graph.nodes(data=True) if d.get("label") == "Document" and d.get("date")}
    for line in lines:
        found.update(str(line[k]) for k in ("valid_from", "valid_to") if line.get(k))
    found.add(date.today().isoformat())
    return sorted(found)


def _box(graph: nx.MultiDiGraph, ids: frozenset[str], edges: list[tuple[str, str]]) -> dict[str, Any]:
    cache: dict[frozenset[str], dict[str, Any]] = graph.graph.setdefault("explorer_layouts", {})
    if ids not in cache:
        if len(cache) >= LAYOUT_CACHE:
            cache.pop(next(iter(cache)))
        nodes = sorted((n, str(graph.nodes[n].get("name") or n)) for n in ids)
        cache[ids] = {n: box.__dict__ for n, box in positions(nodes, edges).items()}
    return cache[ids]


def view(graph: nx.MultiDiGraph, ids: set[str], focus: str | None = None) -> dict[str, Any]:
    """Nodes with their boxes, lines with type, status, dates, first quote and `holds` per slider date."""
    ids = {n for n in ids if n in graph and graph.nodes[n].get("label") in NODE_LABELS}
    if len(ids) > MAX_NODES:
        keep = sorted(ids, key=lambda n: (n != focus, -graph.degree(n), n))[:MAX_NODES]
        ids = set(keep)
    lines = []
    for node in sorted(ids):
        for s, t, d in _lines(graph, node):
            if s == node and t in ids:
                quote = (d.get("evidence") or [{}])[0]
                lines.append({"source": s, "target": t, "type": d.get("type"), "status": d.get("status"),
                              "valid_from": d.get("valid_from"), "valid_to": d.get("valid_to"),
                              "intention": d.get("status") in NOT_YET, "quote": quote.get("quote"),
                              "doc": quote.get("doc"), "start": quote.get("start"), "end": quote.get("end")})
    dates = slider_dates(graph, lines)
    for line in lines:
        line["holds"] = [holds(line, when) for when in dates]
    boxes = _box(graph, frozenset(ids), [(ln["source"], ln["target"]) for ln in lines])
    nodes = []
    for node in sorted(ids):
        data = graph.nodes[node]
        exists = [holds({"valid_from": data.get("established"), "valid_to": data.get("valid_to") or data.get("dissolved")},
                        when) for when in dates]
        nodes.append({"id": node, "name": data.get("name"), "label": data.get("label"), "kind": data.get("kind"),
                      "status": data.get("status"), "exists": exists, **boxes.get(node, {})})
    return {"focus": focus, "dates": dates, "nodes": nodes, "lines": lines}
