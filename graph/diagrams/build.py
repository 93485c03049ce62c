"""From the projection (read through `Landscape` at one date) to a `Diagram`: the whole landscape, one area, a body's
subtree or upward chain, and funding flows. Pure: no engine, no rendering."""
from __future__ import annotations

import re
from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import networkx as nx

from graph.analysis.landscape import NOT_YET, STRUCTURAL_KINDS, UPWARD_TYPES, Landscape, holds
from graph.diagrams.labels import column_label, short_purpose
from graph.diagrams.model import Category, Cluster, Diagram, DiagramEdge, DiagramKind, DiagramNode, LineState
from graph.diagrams.style import money
from graph.lookup import resolve
from graph.time import as_of_day, in_period, stated_by

MAX_DEPTH = 10
SUCCESSION = ("MERGED_INTO", "SUCCEEDED_BY")
OVERSIGHT = ("OVERSEES", "COMMISSIONS")
LLR = "Leicester, Leicestershire and Rutland"
NO_AREA = "cluster-no-area"
NO_AREA_TITLE = "National, or no area stated"
HOW = {"merged": "merged into", "renamed": "succeeded by", "closed": "closed"}


@dataclass(frozen=True)
class Line:
    """One governance line drawn lower -> upper: child -> parent, old -> successor, overseen -> overseer."""

    lower: str
    upper: str
    relation: str
    state: LineState
    since: str | None


class Governance:
    """Every line of governance worth drawing at one date, indexed both ways, with areas resolved per body."""

    def __init__(self, graph: nx.MultiDiGraph, as_of: str | None) -> None:
        self.graph = graph
        self.view = Landscape.build(graph, as_of)
        self.as_of = as_of
        self.up: dict[str, list[Line]] = defaultdict(list)
        self.down: dict[str, list[Line]] = defaultdict(list)
        self.chairs: dict[str, list[str]] = defaultdict(list)
        self._areas: dict[str, str | None] = {}
        self._index()

    def _index(self) -> None:
        view, labels = self.view, self.graph.nodes(data="label")
        found: dict[tuple[str, str, str], Line] = {}
        for start, end, data in self.graph.edges(data=True):
            kind = data.get("type")
            if kind == "CHAIRED_BY":
                if start in view.bodies and _state(data, self.as_of) == "current":
                    self.chairs[start].append(view.name(end))
                continue
            if kind not in UPWARD_TYPES and kind not in SUCCESSION and kind not in OVERSIGHT:
                continue
            if start not in view.bodies or not (end in view.bodies or (labels[end] == "Role" and kind in UPWARD_TYPES)):
                continue
            state = _state(data, self.as_of)
            if state is None:
                continue
            if kind in OVERSIGHT:
                lower, upper, relation = end, start, "OVERSEES"
            else:
                lower, upper, relation = start, end, str(kind)
            if relation in UPWARD_TYPES and state == "current" and view.live(lower) and upper in view.dissolved:
                state = "stale"
            line = Line(lower, upper, relation, state, _text(data.get("valid_from")))
            family = "SUCCESSION" if relation in SUCCESSION else relation
            key = (lower, upper, family)
            previous = found.get(key)
            # One line per pair and relationship: a fact wins over an intention ("merged" over "will succeed").
            if previous is None or _rank(line.state) < _rank(previous.state):
                found[key] = line
        for line in found.values():
            self.up[line.lower].append(line)
            self.down[line.upper].append(line)
        for lines in (*self.up.values(), *self.down.values()):
            lines.sort(key=lambda ln: (ln.relation, ln.lower, ln.upper))

    # --- areas ------------------------------------------------------------------------------------------------

    def area_of(self, body: str) -> str | None:
        """The one area a body is drawn in: the most specific area its COVERS and its name agree on; else the
        area of the bodies it answers to; else of the bodies below it or merged into it; else None (national,
        or not stated)."""
        if not self._areas:
            self._resolve_areas()
        return self._areas.get(body)

    def _resolve_areas(self) -> None:
        view = self.view
        areas: dict[str, str | None] = {}
        for body in view.bodies:
            covered = {a for a in view.covers.get(body, ()) if a in view.areas}
            named = self._named_areas(body)
            result: str | None = None
            if named:
                name_area = self.container(named)
                if name_area is not None and (not covered or any(
                        name_area == c or name_area in view.descendants(c) for c in covered)):
                    result = name_area
            if result is None and covered:
                result = self.container(covered)
            if result is None and named:
                result = self.container(named)
            areas[body] = result
        # Then, in rounds until nothing changes, a body with no area of its own takes that of the bodies it answers
        # to, and failing those (a head of structure), that of the bodies below it.
        changed = True
        while changed:
            changed = False
            for neighbours in (self._above, self._below):
                for body in sorted(b for b, a in areas.items() if a is None):
                    found = {areas[n] for n in neighbours(body) if areas.get(n) is not None}
                    result = self.container({a for a in found if a is not None})
                    if result is not None:
                        areas[body] = result
                        changed = True
                        break  # answering-to wins over what is below: start the round again
                if changed:
                    break
        self._areas = areas

    def _above(self, body: str) -> list[str]:
        return [line.upper for line in self.up.get(body, ()) if line.relation != "OVERSEES"]

    def _below(self, body: str) -> list[str]:
        return [line.lower for line in self.down.get(body, ())]

    def _named_areas(self, body: str) -> set[str]:
        name = self.view.name(body)
        return {a for a in self.view.areas if _names_area(name, self.view.name(a))}

    def container(self, areas: set[str]) -> str | None:
        """The area that is or contains all of `areas` (the smallest such), or None."""
        if not areas:
            return None
        if len(areas) == 1:
            return next(iter(areas))
        view = self.view
        for candidate in sorted(areas):
            if all(a == candidate or a in view.descendants(candidate) for a in areas):
                return candidate
        common = set.intersection(*(set(view.ancestors(a)) for a in areas))
        if not common:
            return None
        return min(common, key=lambda a: (len(view.descendants(a)), a))

    def governance_bodies(self) -> set[str]:
        """Bodies on any line drawn, and partnership structures that cover an area (even with no line recorded)."""
        view = self.view
        bodies = {n for n in self.up if self.up[n]} | {n for n in self.down if self.down[n]}
        for body in view.bodies:
            if view.kind(body) in STRUCTURAL_KINDS and any(a in view.areas for a in view.covers.get(body, ())):
                bodies.add(body)
        return bodies


def _state(props: dict[str, Any], as_of: str | None) -> LineState | None:
    """Current when the line holds at the date; planned or proposed when it is an intention stated by then."""
    status = props.get("status")
    if status in NOT_YET:
        if not stated_by(props, as_of_day(as_of)):
            return None
        return "planned" if status == "planned" else "proposed"
    return "current" if holds(props, as_of) else None


def _rank(state: LineState) -> int:
    return {"current": 0, "stale": 0, "planned": 1, "proposed": 2}[state]


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _names_area(name: str, area_name: str) -> bool:
    if not area_name:
        return False
    return re.search(r"(?<![\w-])" + re.escape(area_name) + r"(?![\w-])", name, flags=re.IGNORECASE) is not None


# --- shared drawing steps ---------------------------------------------------------------------------------------


def _as_of_text(as_of: str | None) -> str:
    return f"as of {as_of}" if as_of is not None else f"as of today ({date.today().isoformat()})"


def _body_node(gov: Governance, node: str, *, focus: bool = False, context: bool = False) -> DiagramNode:
    view = gov.view
    attrs = view.attrs.get(node, {})
    if view.label(node) == "Role":
        holder = attrs.get("holder")
        return DiagramNode(node, view.name(node), "role", kind="role", notes=[str(holder)] if holder else [],
                           focus=focus, context=context)
    notes: list[str] = []
    chairs = gov.chairs.get(node)
    if chairs:
        notes.append("chair: " + "; ".join(sorted(set(chairs))))
    gone = view.dissolved.get(node)
    if gone is not None:
        what = HOW.get(gone.how, gone.how)
        if gone.successor is not None and gone.how != "closed":
            what += " " + view.name(gone.successor)
        notes.append(what + (f" ({gone.when})" if gone.when else ""))
    status = str(attrs.get("status") or "current")
    if gone is not None:
        status = "current"  # the note says how it ended; the kind line need not say it again
    return DiagramNode(node, view.name(node), "body", kind=view.kind(node) or "body", status=status, notes=notes,
                       focus=focus, dissolved=gone is not None, context=context)


def _add_lines(diagram: Diagram, gov: Governance, nodes: Iterable[str], *, labelled: bool) -> None:
    """Every governance line between two nodes of the diagram."""
    wanted = set(nodes)
    for node in sorted(wanted):
        for line in gov.up.get(node, ()):
            if line.upper in wanted:
                diagram.add_edge(_edge(line, labelled))


def _edge(line: Line, labelled: bool) -> DiagramEdge:
    words = {"REPORTS_TO": "reports to", "SUBGROUP_OF": "sub-group of", "ACCOUNTABLE_TO": "accountable to",
             "PART_OF": "part of", "OVERSEES": "overseen by", "MERGED_INTO": "merged into",
             "SUCCEEDED_BY": "succeeded by"}
    label: str | None = None
    if labelled:
        label = words.get(line.relation, line.relation.lower())
    if line.state in ("planned", "proposed"):
        label = f"{label} ({line.state})" if label else line.state
    if line.relation in SUCCESSION:
        label = words[line.relation] + (f" {line.since}" if line.since else "")
        if line.state in ("planned", "proposed"):
            label += f" ({line.state})"
    if line.state == "stale" and labelled:
        label = (label + " " if label else "") + "(body ended)"
    return DiagramEdge(line.lower, line.upper, line.relation, line.state, label, reverse=line.relation == "OVERSEES")


def _place_in_clusters(diagram: Diagram, gov: Governance) -> None:
    """Each body into the cluster of its area, clusters nested by area containment (empty areas left out)."""
    view = gov.view
    used: dict[str, str | None] = {}
    for node in diagram.nodes.values():
        if node.category not in ("body", "role"):
            continue
        used[node.id] = gov.area_of(node.id) if node.category == "body" else None
    areas = {a for a in used.values() if a is not None}
    for area in sorted(areas):
        parents = [p for p in view.ancestors(area) if p in areas]
        parent = max(parents, key=lambda p: (len(view.ancestors(p)), p)) if parents else None
        diagram.clusters[f"cluster-{area}"] = Cluster(f"cluster-{area}", view.name(area),
                                                      None if parent is None else f"cluster-{parent}")
    if any(a is None for a in used.values()):
        diagram.clusters[NO_AREA] = Cluster(NO_AREA, NO_AREA_TITLE)
    for node_id, placed in used.items():
        diagram.nodes[node_id].cluster = NO_AREA if placed is None else f"cluster-{placed}"


def _sources(diagram: Diagram, graph: nx.MultiDiGraph) -> None:
    """The documents the drawn nodes and lines are quoted from, oldest first."""
    docs: set[str] = set()
    ids = set(diagram.nodes)
    for node in ids:
        if node in graph:
            docs.update(str(e.get("doc")) for e in graph.nodes[node].get("evidence") or [])
    for edge in diagram.edges:
        if edge.source in graph and edge.target in graph:
            for data in (graph.get_edge_data(edge.source, edge.target) or {}).values():
                docs.update(str(e.get("doc")) for e in data.get("evidence") or [])
            for data in (graph.get_edge_data(edge.target, edge.source) or {}).values():
                docs.update(str(e.get("doc")) for e in data.get("evidence") or [])
    found = []
    for doc in docs:
        node = graph.nodes.get(f"doc-{doc}") or graph.nodes.get(doc)
        if node is None:
            found.append(("", doc))
            continue
        title, when, publisher = node.get("title") or node.get("name") or doc, node.get("date"), node.get("publisher")
        who = ", ".join(str(x) for x in (publisher, when) if x)
        found.append((str(when or ""), f"{title} ({who})" if who else str(title)))
    diagram.sources = [text for _, text in sorted(found)]


# --- the diagrams ------------------------------------------------------------------------------------------------


def landscape_diagram(graph: nx.MultiDiGraph, as_of: str | None = None) -> Diagram:
    """Every partnership structure and every governance line, bodies clustered by area."""
    gov = Governance(graph, as_of)
    diagram = Diagram("landscape", f"{LLR}: the community-safety partnership landscape", as_of)
    for body in sorted(gov.governance_bodies()):
        diagram.add_node(_body_node(gov, body))
    _add_lines(diagram, gov, diagram.nodes, labelled=False)
    _place_in_clusters(diagram, gov)
    _sources(diagram, graph)
    return diagram


def area_diagram(graph: nx.MultiDiGraph, area: str, as_of: str | None = None) -> Diagram:
    """The bodies of one area (and of the areas inside it), with the bodies outside it that they answer to."""
    area_id = resolve(graph, area, "Area", "area")
    gov = Governance(graph, as_of)
    view = gov.view
    region = {area_id} | view.descendants(area_id)
    diagram = Diagram("area", f"{view.name(area_id)}: partnership structures", as_of)
    inside = set()
    for body in sorted(view.bodies):
        placed = gov.area_of(body)
        covers_here = any(a in region for a in view.covers.get(body, ()))
        if placed in region and (body in gov.up or body in gov.down or covers_here
                                 or view.kind(body) in STRUCTURAL_KINDS):
            inside.add(body)
    for body in sorted(inside):
        diagram.add_node(_body_node(gov, body))
    # Orientation: the bodies outside the area that those inside answer to or are overseen by, one step up.
    for body in sorted(inside):
        for line in gov.up.get(body, ()):
            if line.upper not in inside:
                diagram.add_node(_body_node(gov, line.upper, context=True))
        for line in gov.down.get(body, ()):
            if line.lower not in inside and line.relation in SUCCESSION:
                diagram.add_node(_body_node(gov, line.lower, context=True))
    _add_lines(diagram, gov, diagram.nodes, labelled=False)
    _place_in_clusters(diagram, gov)
    if not inside:
        diagram.notes.append(f"No partnership body is recorded as covering {view.name(area_id)}.")
    _sources(diagram, graph)
    return diagram


def body_diagram(graph: nx.MultiDiGraph, body: str, direction: str = "down", depth: int = 3,
                 as_of: str | None = None) -> Diagram:
    """A body's subtree (`down`: what reports to it, its sub-groups, what merged into it) or its chain of
    accountability (`up`: what it reports to, what those merged into), `depth` steps at most (capped at MAX_DEPTH)."""
    if direction not in ("up", "down"):
        raise ValueError(f"direction must be 'up' or 'down', not {direction!r}")
    if depth < 1:
        raise ValueError(f"depth must be at least 1, not {depth}")
    body_id = resolve(graph, body, "Body", "body")
    gov = Governance(graph, as_of)
    view = gov.view
    drawn = min(depth, MAX_DEPTH)
    kind: DiagramKind = "chain" if direction == "up" else "subtree"
    what = "chain of accountability" if direction == "up" else "structure below it"
    diagram = Diagram(kind, f"{view.name(body_id)}: {what}", as_of, depth=drawn, depth_requested=depth)
    if depth > MAX_DEPTH:
        diagram.notes.append(f"Depth capped at {MAX_DEPTH} (asked for {depth}).")
    if body_id not in view.bodies:
        diagram.notes.append(f"{view.name(body_id)} was not yet established at this date.")
    distance = {body_id: 0}
    queue = deque([body_id])
    while queue:
        node = queue.popleft()
        if distance[node] >= drawn:
            continue
        if direction == "up":
            nexts = [line.upper for line in gov.up.get(node, ())]
        else:
            nexts = [line.lower for line in gov.down.get(node, ())]
        for other in nexts:
            if other not in distance:
                distance[other] = distance[node] + 1
                queue.append(other)
    ordered = sorted(distance, key=lambda n: (distance[n], view.name(n)))
    diagram.steps = ordered
    for node in ordered:
        diagram.add_node(_body_node(gov, node, focus=node == body_id))
    _add_lines(diagram, gov, ordered, labelled=True)
    deepest = max(distance.values())
    if deepest >= drawn and any(
            (gov.up if direction == "up" else gov.down).get(n) for n, d in distance.items() if d == drawn):
        diagram.notes.append(f"More lies beyond depth {drawn}.")
    _place_in_clusters(diagram, gov)
    _sources(diagram, graph)
    return diagram


def funding_diagram(graph: nx.MultiDiGraph, stream: str | None = None, as_of: str | None = None) -> Diagram:
    """Money: funding stream -> allocating body -> recipient or purpose, with the amounts the documents state."""
    stream_id = None if stream is None else resolve(graph, stream, "FundingStream", "funding stream")
    view = Landscape.build(graph, as_of)
    title = "Funding flows" if stream_id is None else f"{view.name(stream_id)}: funding flows"
    diagram = Diagram("funding", title, as_of, rankdir="LR")
    totals: dict[tuple[str, str], list[str]] = defaultdict(list)
    flows: dict[tuple[str, str], list[str]] = defaultdict(list)
    for allocation in sorted(view.allocations, key=lambda a: (str(view.attrs[a].get("table") or ""),
                                                             _number(view.attrs[a].get("row")), a)):
        links = view.allocations[allocation]
        attrs = view.attrs[allocation]
        periods = [p for p in (attrs.get("periods") or [attrs.get("period")]) if p]
        if as_of is not None and periods and not any(in_period(p, as_of) for p in periods):
            continue  # money for a period that does not contain the date
        streams = [s for s in links.get("FROM_STREAM", ()) if stream_id is None or s == stream_id]
        if not streams:
            continue
        givers = [b for b in links.get("ALLOCATED_BY", ()) if view.label(b) == "Body"]
        row_kind = attrs.get("row_kind") or "item"
        for source in streams:
            diagram.add_node(DiagramNode(source, view.name(source), "stream", kind="stream"))
            for giver in givers:
                diagram.add_node(DiagramNode(giver, view.name(giver), "body", kind=view.kind(giver) or "body"))
                flows.setdefault((source, giver), [])
        if row_kind == "subtotal":
            continue  # its items are drawn; the subtotal would count them twice
        amounts = _amount_lines(attrs)
        if row_kind == "total":
            for source in streams:
                for giver in givers:
                    totals[(source, giver)].extend(f"stated total {a}" for a in amounts)
            continue
        receivers = [r for r in links.get("ALLOCATED_TO", ()) if view.label(r) == "Body"] or \
            [r for r in links.get("ALLOCATED_TO", ()) if view.label(r) == "Area"]
        for source in streams:
            origin = givers[0] if givers else source
            if receivers:
                leaf = receivers[0]
                category: Category = "body" if view.label(leaf) == "Body" else "recipient"
                node = diagram.add_node(DiagramNode(leaf, view.name(leaf), category,
                                                    kind=view.kind(leaf) if category == "body" else "area"))
            else:
                # One box per purpose of one giver: the two columns of a row (IDVA: BCU and council money) meet.
                purpose = str(attrs.get("purpose") or attrs.get("name") or allocation).rstrip(":")
                leaf = f"{origin}--{_slug(purpose)}"
                node = diagram.add_node(DiagramNode(leaf, _short_purpose(purpose), "allocation", kind="allocation"))
                if row_kind == "balance":
                    node.notes = ["balance not yet allocated"]
            for target in links.get("FOR", ()):
                if view.label(target) in ("Theme", "Programme") and f"for: {view.name(target)}" not in node.notes:
                    node.notes.append(f"for: {view.name(target)}")
            flows[(origin, leaf)].extend(amounts)
    for (origin, leaf), amounts in flows.items():
        label = [*dict.fromkeys(totals.get((origin, leaf), [])), *amounts]
        diagram.add_edge(DiagramEdge(origin, leaf, "FUNDS", label="\n".join(label) or None))
    if not diagram.nodes:
        diagram.notes.append("No allocation from this funding stream is recorded.")
    _sources(diagram, graph)
    return diagram


def _number(value: object) -> int:
    return value if isinstance(value, int) else 0


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def _short_purpose(purpose: str) -> str:
    """Table rows name their purpose; a purpose taken from a sentence is shortened (the quote keeps it whole)."""
    return short_purpose(purpose)


def _amount_lines(attrs: dict[str, Any]) -> list[str]:
    amounts, columns, periods = attrs.get("amounts_gbp"), attrs.get("columns"), attrs.get("periods")
    if isinstance(amounts, list) and amounts:
        lines = []
        for i, amount in enumerate(amounts):
            what = (column_label(columns[i]) if isinstance(columns, list) and i < len(columns) and columns[i] else "") or \
                (periods[i] if isinstance(periods, list) and i < len(periods) else "")
            lines.append(f"{money(amount)} {what}".strip())
        return lines
    amount, period = money(attrs.get("amount_gbp")), attrs.get("period")
    if not amount:
        return []
    return [f"{amount} ({period})" if period else amount]


def as_of_text(as_of: str | None) -> str:
    return _as_of_text(as_of)
