"""The landscape as an atlas a board can read: an overview with one box per area (how many partnership bodies it
holds, the lines between areas, which area lies within which) linking to one page per area, where the areas inside
it are folded into boxes that link on to their own pages. Each page stays narrow enough for a screen."""
from __future__ import annotations

import re
from collections import Counter

import networkx as nx

from graph.diagrams.build import LLR, NO_AREA_TITLE, Governance, _add_lines, _body_node, _sources
from graph.diagrams.model import Cluster, Diagram, DiagramEdge, DiagramNode
from graph.lookup import resolve

NO_AREA_ID = "no-area"
LINK = "{id}.svg"  # pages side by side in one folder; the API passes its own route
MAX_WIDTH_PX = 1920  # the widest page wanted, at 100% (SVG points are 4/3 px)


def bodies_text(count: int) -> str:
    return f"{count} partnership {'body' if count == 1 else 'bodies'}"


def placed_bodies(gov: Governance) -> dict[str, str]:
    """Every partnership body of the landscape and the area it is drawn in (NO_AREA_ID when none)."""
    return {body: gov.area_of(body) or NO_AREA_ID for body in gov.governance_bodies()}


def overview_diagram(graph: nx.MultiDiGraph, as_of: str | None = None, link: str = LINK) -> Diagram:
    """One box per area with its count of bodies, lines between areas counted, containment as 'part of'."""
    gov = Governance(graph, as_of)
    view = gov.view
    placed = placed_bodies(gov)
    counts = Counter(placed.values())
    diagram = Diagram("landscape", f"{LLR}: the landscape by area (click an area for its page)", as_of)
    for area, count in sorted(counts.items()):
        name = NO_AREA_TITLE if area == NO_AREA_ID else view.name(area)
        diagram.add_node(DiagramNode(area, name, "area", kind="area",
                                     notes=[bodies_text(count)], link=link.format(id=area)))
    for area in counts:
        if area == NO_AREA_ID:
            continue
        parents = [p for p in view.ancestors(area) if p in counts]
        if parents:
            parent = max(parents, key=lambda p: (len(view.ancestors(p)), p))
            diagram.add_edge(DiagramEdge(area, parent, "PART_OF", label="lies within"))
    between: Counter[tuple[str, str]] = Counter()
    for body, area in placed.items():
        for line in gov.up.get(body, ()):
            other = placed.get(line.upper)
            if other is not None and other != area:
                between[(area, other)] += 1
    for (low, high), count in sorted(between.items()):
        # Containment ranks the areas (the wider above); the counted lines are drawn over that.
        diagram.add_edge(DiagramEdge(low, high, "REPORTS_TO", label=f"{count} line{'s' if count > 1 else ''} up",
                                     ranks=False))
    _sources(diagram, graph)
    return diagram


def area_page(graph: nx.MultiDiGraph, area: str, as_of: str | None = None, link: str = LINK) -> Diagram:
    """The bodies drawn in one area, the areas inside it folded into linked boxes (with their counts), and for
    orientation the bodies elsewhere that this area's bodies answer to."""
    gov = Governance(graph, as_of)
    view = gov.view
    placed = placed_bodies(gov)
    area_id = area if area == NO_AREA_ID else resolve(graph, area, "Area", "area")
    title = NO_AREA_TITLE if area_id == NO_AREA_ID else view.name(area_id)
    diagram = Diagram("area", f"{title}: partnership structures", as_of)
    diagram.clusters[f"cluster-{area_id}"] = Cluster(f"cluster-{area_id}", title)
    own = sorted(b for b, a in placed.items() if a == area_id)
    for body in own:
        node = diagram.add_node(_body_node(gov, body))
        node.cluster = f"cluster-{area_id}"
    children = _child_areas(gov, area_id, set(placed.values()))
    inside = {c: sorted(b for b, a in placed.items() if a == c or (a != NO_AREA_ID and c in view.ancestors(a)))
              for c in children}
    for child, bodies in sorted(inside.items()):
        box = diagram.add_node(DiagramNode(child, view.name(child), "area", kind="area",
                                           notes=[bodies_text(len(bodies)) + ": its own page"],
                                           link=link.format(id=child)))
        box.cluster = f"cluster-{area_id}"
        # Lines from inside the child area up to this area's bodies, as one line per child and body.
        for target in sorted({ln.upper for b in bodies for ln in gov.up.get(b, ()) if ln.upper in own}):
            diagram.add_edge(DiagramEdge(child, target, "REPORTS_TO", label="lines up"))
    for body in own:
        for line in gov.up.get(body, ()):
            if line.upper not in own:
                diagram.add_node(_body_node(gov, line.upper, context=True))
    _add_lines(diagram, gov, [n for n in diagram.nodes if diagram.nodes[n].category != "area"], labelled=False)
    if not own and not children:
        diagram.notes.append(f"No partnership body is drawn in {title}.")
    _sources(diagram, graph)
    return diagram


def _child_areas(gov: Governance, area: str, used: set[str]) -> list[str]:
    """The areas directly inside `area` that hold bodies (directly or further in)."""
    if area == NO_AREA_ID:
        return []
    view = gov.view
    below = {a for a in used if a != NO_AREA_ID and area in view.ancestors(a)}
    direct = set()
    for candidate in below:
        between = [p for p in view.ancestors(candidate) if p in below]
        top = candidate if not between else max(between, key=lambda p: -len(view.ancestors(p)))
        direct.add(top if area in view.ancestors(top) else candidate)
    return sorted(d for d in direct if not any(p in direct for p in view.ancestors(d)))


def atlas(graph: nx.MultiDiGraph, as_of: str | None = None, link: str = LINK) -> dict[str, Diagram]:
    """The overview ('overview') and one page per area that holds bodies ('area-<id>')."""
    gov = Governance(graph, as_of)
    pages = {"overview": overview_diagram(graph, as_of, link)}
    for area in sorted(set(placed_bodies(gov).values())):
        pages[area] = fit(area_page(graph, area, as_of, link))
    return pages


def width_px(diagram: Diagram) -> int:
    """The drawing's width at 100% in a browser (Graphviz sizes SVG in points: 4/3 px each)."""
    from graph.diagrams.dot import render

    svg = render(diagram, "svg").decode("utf-8")
    found = re.search(r'<svg width="(\d+)pt"', svg)
    return 0 if found is None else round(int(found.group(1)) * 4 / 3)


def fit(diagram: Diagram, limit: int = MAX_WIDTH_PX) -> Diagram:
    """A page wider than `limit`: the bodies outside the area drawn for orientation become a note instead."""
    if width_px(diagram) <= limit:
        return diagram
    context = sorted((n for n in diagram.nodes.values() if n.context), key=lambda n: n.name)
    if not context:
        return diagram
    gone = {n.id for n in context}
    names = ", ".join(n.name for n in context)
    diagram.nodes = {k: n for k, n in diagram.nodes.items() if k not in gone}
    diagram.edges = [e for e in diagram.edges if e.source not in gone and e.target not in gone]
    diagram.notes.append(f"Its bodies also answer to bodies elsewhere (see their areas' pages): {names}.")
    return diagram
