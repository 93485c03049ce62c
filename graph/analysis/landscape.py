"""The landscape at one date: which facts hold, and the indexes every analysis rule shares (built in one pass)."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graph.time import INTENTIONS, ISO_DATE, as_of_day, first_day, started_by
from graph.time import holds as holds_on

UPWARD_TYPES = ("REPORTS_TO", "SUBGROUP_OF", "ACCOUNTABLE_TO", "PART_OF")
# Intentions are not facts: "it is proposed that ..." and "will be a sub-group of ..." never hold (graph.time).
NOT_YET = INTENTIONS
GONE_STATUSES = frozenset({"merged", "closed", "renamed"})
# Kinds that are parts of a partnership structure (as opposed to organisations in their own right).
STRUCTURAL_KINDS = frozenset({"board", "partnership", "group", "forum", "team", "unit", "network", "executive",
                              "conference", "alliance", "commission"})
SUBSTRUCTURE_KINDS = frozenset({"group", "forum", "team", "unit", "network"})
LEVEL_RANK = {"district": 1, "borough": 1, "city": 2, "county": 2, "counties": 3, "sub-region": 3, "force-area": 4,
              "region": 5, "nation": 6}
__all__ = ["ISO_DATE", "NOT_YET", "Landscape", "holds"]

Evidence = dict[str, Any]


def holds(props: dict[str, Any], as_of: str | None) -> bool:
    """A fact holds at `as_of` (a partial date stands for its last day; None: today): graph.time's one meaning."""
    if as_of is None and props.get("status") == "historic":
        return False
    return holds_on(props, as_of_day(as_of))


@dataclass(frozen=True)
class Dissolution:
    """How a body stopped: merged into / renamed to a successor, or closed; with the date and evidence."""

    how: str
    successor: str | None
    when: str | None
    evidence: list[Evidence]


@dataclass
class UpLine:
    """One upward line of accountability (REPORTS_TO, SUBGROUP_OF, ACCOUNTABLE_TO, PART_OF) that holds."""

    source: str
    target: str
    type: str
    evidence: list[Evidence]


@dataclass
class Landscape:
    """Indexes over a projection at one date. Every rule reads these instead of scanning the graph again."""

    graph: nx.MultiDiGraph
    as_of: str | None = None
    day: str = ""
    doc_days: dict[str, str] = field(default_factory=dict)
    attrs: dict[str, dict[str, Any]] = field(default_factory=dict)
    bodies: set[str] = field(default_factory=set)
    areas: set[str] = field(default_factory=set)
    dissolved: dict[str, Dissolution] = field(default_factory=dict)
    up: dict[str, list[UpLine]] = field(default_factory=lambda: defaultdict(list))
    down: dict[str, list[UpLine]] = field(default_factory=lambda: defaultdict(list))
    themes_of: dict[str, dict[str, list[str]]] = field(default_factory=lambda: defaultdict(dict))
    covers: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    members: dict[str, dict[str, list[Evidence]]] = field(default_factory=lambda: defaultdict(dict))
    seats: dict[str, dict[str, list[Evidence]]] = field(default_factory=lambda: defaultdict(dict))
    chairs: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    oversees: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    overseen: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    funded_themes: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    allocations: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    area_parents: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    _ancestors: dict[str, frozenset[str]] = field(default_factory=dict)
    _descendants: dict[str, set[str]] | None = None
    _children: dict[str, set[str]] | None = None
    _overlapping: dict[str, frozenset[str]] = field(default_factory=dict)
    _effective_areas: dict[str, frozenset[str]] = field(default_factory=dict)
    _up_closure: dict[str, frozenset[str]] = field(default_factory=dict)

    # --- building -------------------------------------------------------------------------------------------

    @classmethod
    def build(cls, graph: nx.MultiDiGraph, as_of: str | None = None) -> Landscape:
        if as_of is not None and not ISO_DATE.match(as_of):
            raise ValueError(f"as_of must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), not {as_of!r}")
        view = cls(graph=graph, as_of=as_of, day=as_of_day(as_of), attrs=dict(graph.nodes(data=True)))
        view._index()
        return view

    def _index(self) -> None:
        graph, as_of = self.graph, self.day
        labels = graph.nodes(data="label")
        for node, label in labels:
            if label == "Body":
                # Ended bodies stay in the view (their endings are findings); bodies not yet attested are left out.
                if started_by(graph.nodes[node], as_of):
                    self.bodies.add(node)
            elif label == "Area":
                self.areas.add(node)
            elif label == "Allocation" and started_by(graph.nodes[node], as_of):
                self.allocations[node] = defaultdict(list)
            elif label == "Document" and graph.nodes[node].get("date"):
                self.doc_days[str(node).removeprefix("doc-")] = first_day(str(graph.nodes[node]["date"])) or ""
        dated_endings: set[str] = set()
        priority_holders: dict[str, list[str]] = defaultdict(list)
        priority_themes: dict[str, list[str]] = defaultdict(list)
        for start, end, data in graph.edges(data=True):
            kind = data.get("type")
            if kind in UPWARD_TYPES:
                if start in self.bodies and labels[end] in ("Body", "Role") and holds_on(data, as_of):
                    line = UpLine(start, end, kind, data.get("evidence") or [])
                    self.up[start].append(line)
                    self.down[end].append(line)
                elif start in self.areas and end in self.areas and holds_on(data, as_of):
                    self.area_parents[start].add(end)
            elif kind in ("MERGED_INTO", "SUCCEEDED_BY"):
                if data.get("valid_from") is not None:
                    dated_endings.add(start)
                if start in self.bodies and holds_on(data, as_of):
                    how = "merged" if kind == "MERGED_INTO" else "renamed"
                    previous = self.dissolved.get(start)
                    if previous is None or previous.how == "renamed":
                        self.dissolved[start] = Dissolution(how, end, data.get("valid_from"), data.get("evidence") or [])
            elif kind == "HAS_PRIORITY":
                if holds_on(data, as_of) and holds_on(graph.nodes[end], as_of):
                    priority_holders[end].append(start)
            elif kind == "ABOUT":
                priority_themes[start].append(end)
            elif kind == "COVERS":
                if holds_on(data, as_of):
                    self.covers[start].add(end)
            elif kind == "MEMBER_OF":
                if holds_on(data, as_of):
                    self.members[end][start] = data.get("evidence") or []
                    self.seats[start][end] = data.get("evidence") or []
            elif kind == "CHAIRED_BY":
                if holds_on(data, as_of):
                    self.chairs[start].add(end)
            elif kind in ("OVERSEES", "COMMISSIONS"):
                if holds_on(data, as_of):
                    self.oversees[start].add(end)
                    self.overseen[end].add(start)
            elif start in self.allocations and kind in ("FOR", "FROM_STREAM", "ALLOCATED_BY", "ALLOCATED_TO"):
                self.allocations[start][kind].append(end)
                if kind == "FOR" and labels[end] == "Theme":
                    self.funded_themes[end].append(start)
        for priority, holders in priority_holders.items():
            for holder in holders:
                for theme in priority_themes.get(priority, ()):
                    self.themes_of[holder].setdefault(theme, []).append(priority)
        for body in self.bodies:
            # A status of 'merged' with a dated merger is told by that merger's date, not by the status.
            if body not in self.dissolved and body not in dated_endings:
                gone = self._dissolved_by_status(body)
                if gone is not None:
                    self.dissolved[body] = gone
        self._area_containment()

    def _dissolved_by_status(self, body: str) -> Dissolution | None:
        attrs = self.attrs[body]
        ended = attrs.get("dissolved") or attrs.get("valid_to")
        if ended is not None and self.day >= (first_day(str(ended)) or str(ended)):
            return Dissolution("closed", None, str(ended), attrs.get("evidence") or [])
        # A status without a date is taken to hold at any date: the documents do not say when.
        if attrs.get("status") in GONE_STATUSES:
            return Dissolution(str(attrs["status"]), None, None, attrs.get("evidence") or [])
        return None

    def _area_containment(self) -> None:
        """Parents from PART_OF edges, from `within` names (a larger level only), and from composite names."""
        by_name: dict[str, str] = {}
        for area in self.areas:
            attrs = self.attrs[area]
            for name in [attrs.get("name") or "", *(attrs.get("aliases") or [])]:
                by_name.setdefault(name.strip().lower(), area)
        for area in self.areas:
            attrs = self.attrs[area]
            rank = LEVEL_RANK.get(str(attrs.get("level")), 0)
            for name in attrs.get("within") or []:
                parent = by_name.get(str(name).strip().lower())
                if parent is None or parent == area:
                    continue
                parent_level = str(self.attrs[parent].get("level"))
                # A city contains no districts or counties; `within` naming one is a naming accident.
                if LEVEL_RANK.get(parent_level, 0) > rank and parent_level != "city":
                    self.area_parents[area].add(parent)
        parts: dict[str, frozenset[str]] = {}
        for area in self.areas:
            names = [p.strip().lower() for p in re.split(r",|\band\b|&", str(self.attrs[area].get("name") or ""))]
            found = [by_name.get(p) for p in names if p]
            if len(found) >= 2 and all(found):
                parts[area] = frozenset(a for a in found if a is not None)
        for whole, its_parts in parts.items():
            for part in its_parts:
                if part != whole:
                    self.area_parents[part].add(whole)
            for other, other_parts in parts.items():
                if other != whole and other_parts < its_parts:
                    self.area_parents[other].add(whole)

    # --- reading --------------------------------------------------------------------------------------------

    def name(self, node: str) -> str:
        attrs = self.attrs.get(node)
        return node if attrs is None else str(attrs.get("name") or node)

    def label(self, node: str) -> str:
        attrs = self.attrs.get(node)
        return "" if attrs is None else str(attrs.get("label") or "")

    def kind(self, node: str) -> str:
        return str(self.attrs.get(node, {}).get("kind") or "")

    def evidence(self, node: str) -> list[Evidence]:
        """Quotes about `node` from documents dated by the view's day: its own, else those of facts about it; a node
        that only later documents speak of (its date given by the text) keeps its own quotes."""
        own = list(self.attrs.get(node, {}).get("evidence") or [])
        dated = [e for e in own if self.said_by_then(e)]
        if dated or not own or node not in self.graph:
            return dated or own
        around = [e for _, _, data in [*self.graph.out_edges(node, data=True), *self.graph.in_edges(node, data=True)]
                  if data.get("type") != "MENTIONS" for e in data.get("evidence") or [] if self.said_by_then(e)]
        return around or own

    def said_by_then(self, item: Evidence) -> bool:
        """The quote's document is dated by the view's day (or undated)."""
        day = self.doc_days.get(str(item.get("doc")).removeprefix("doc-"))
        return day is None or day <= self.day

    def stated(self, props: dict[str, Any]) -> bool:
        """Some document dated by the view's day states the fact (evidence without dated documents: always)."""
        items = props.get("evidence") or []
        return not items or any(self.said_by_then(e) for e in items)

    def live(self, body: str) -> bool:
        return body in self.bodies and body not in self.dissolved

    def ancestors(self, area: str) -> frozenset[str]:
        """The areas that contain `area` (transitively), not including itself."""
        cached = self._ancestors.get(area)
        if cached is not None:
            return cached
        seen: set[str] = set()
        stack = list(self.area_parents.get(area, ()))
        while stack:
            parent = stack.pop()
            if parent not in seen:
                seen.add(parent)
                stack.extend(self.area_parents.get(parent, ()))
        seen.discard(area)
        self._ancestors[area] = frozenset(seen)
        return self._ancestors[area]

    def descendants(self, area: str) -> set[str]:
        if self._descendants is None:
            self._descendants = defaultdict(set)
            for child in self.areas:
                for parent in self.ancestors(child):
                    self._descendants[parent].add(child)
        return self._descendants.get(area, set())

    def overlapping(self, area: str) -> frozenset[str]:
        """Areas that share ground with `area`: itself, those containing it, inside it, or sharing a part."""
        cached = self._overlapping.get(area)
        if cached is not None:
            return cached
        inside = self.descendants(area) | {area}
        result = set(inside) | set(self.ancestors(area))
        for part in inside:
            result |= self.ancestors(part)
        self._overlapping[area] = frozenset(result)
        return self._overlapping[area]

    def adjacent(self, area: str) -> set[str]:
        """Areas beside `area`: the other areas of the same level with a parent in common (neighbours by proxy)."""
        level = self.attrs[area].get("level") if area in self.graph else None
        result: set[str] = set()
        for parent in self.area_parents.get(area, ()):
            for sibling in self.direct_children(parent):
                if sibling != area and self.attrs[sibling].get("level") == level:
                    result.add(sibling)
        return result

    def direct_children(self, area: str) -> set[str]:
        if self._children is None:
            self._children = defaultdict(set)
            for child, parents in self.area_parents.items():
                for parent in parents:
                    self._children[parent].add(child)
        return self._children.get(area, set())

    def effective_areas(self, body: str) -> frozenset[str]:
        """The areas a body covers; a body with none serves the areas of the nearest bodies it answers to."""
        cached = self._effective_areas.get(body)
        if cached is not None:
            return cached
        found: set[str] = set(self.covers.get(body, ()))
        frontier, seen = [body], {body}
        while not found and frontier:
            next_frontier: list[str] = []
            for node in frontier:
                for line in self.up.get(node, ()):
                    if line.target not in seen:
                        seen.add(line.target)
                        next_frontier.append(line.target)
                        found |= self.covers.get(line.target, set())
            frontier = next_frontier
        self._effective_areas[body] = frozenset(a for a in found if a in self.areas)
        return self._effective_areas[body]

    def upward_closure(self, body: str) -> frozenset[str]:
        """Every body above `body` in its accountability chains (cycles tolerated)."""
        cached = self._up_closure.get(body)
        if cached is not None:
            return cached
        seen: set[str] = set()
        stack = [line.target for line in self.up.get(body, ())]
        while stack:
            node = stack.pop()
            if node not in seen:
                seen.add(node)
                stack.extend(line.target for line in self.up.get(node, ()))
        seen.discard(body)
        self._up_closure[body] = frozenset(seen)
        return self._up_closure[body]

    def related_in_chain(self, a: str, b: str) -> bool:
        """One answers to the other, directly or through a chain, or one merged into / was renamed to the other."""
        if b in self.upward_closure(a) or a in self.upward_closure(b):
            return True
        if b in self.oversees.get(a, ()) or a in self.oversees.get(b, ()):
            return True
        gone_a, gone_b = self.dissolved.get(a), self.dissolved.get(b)
        return (gone_a is not None and gone_a.successor == b) or (gone_b is not None and gone_b.successor == a)

    def themes(self, holder: str) -> set[str]:
        return set(self.themes_of.get(holder, {}))

    def priority_evidence(self, holder: str, theme: str, limit: int = 1) -> list[Evidence]:
        quotes: list[Evidence] = []
        for priority in self.themes_of.get(holder, {}).get(theme, []):
            quotes.extend(self.evidence(priority)[:1])
            if len(quotes) >= limit:
                break
        return quotes
