"""Change by identity between two dates: bodies, lines, chairs and priorities added, ended, merged or renamed.

Two editions are compared by node id (one node per body under all its names, graph.resolve) and by alias, never by
name: a body is in a document when the document says anything about it (its own evidence, the evidence of any fact
about it, a mention). Whether a fact holds at each date is graph.time's one meaning. Every finding carries evidence
on both sides: `before` (what the documents up to `since` say) and `after` (what the later ones say).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import networkx as nx

from graph.analysis.findings import Finding, capital, listing, make_finding, quotes, the
from graph.analysis.landscape import STRUCTURAL_KINDS, UPWARD_TYPES, Landscape
from graph.store import search_text
from graph.time import as_of_day, first_day, holds, is_intention, stated_by, window

Evidence = dict[str, Any]
SUCCESSION = ("MERGED_INTO", "SUCCEEDED_BY")
LINE_TYPES = (*UPWARD_TYPES, "CHAIRED_BY", "VICE_CHAIRED_BY", "LED_BY")
WORDS = {"REPORTS_TO": "reports to", "SUBGROUP_OF": "is a sub-group of", "ACCOUNTABLE_TO": "is accountable to",
         "PART_OF": "is part of", "CHAIRED_BY": "is chaired by", "VICE_CHAIRED_BY": "is vice-chaired by",
         "LED_BY": "is led by"}


@dataclass
class Editions:
    """The documents on each side of `since`, and which documents speak of each node (by identity)."""

    graph: nx.MultiDiGraph
    since: str
    until: str
    before_docs: set[str] = field(default_factory=set)
    after_docs: set[str] = field(default_factory=set)
    docs_of: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    evidence_of: dict[str, list[Evidence]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def build(cls, graph: nx.MultiDiGraph, since: str | None, until: str | None) -> Editions:
        dated = {n.removeprefix("doc-"): first_day(str(d)) for n, d in graph.nodes(data="date")
                 if graph.nodes[n].get("label") == "Document" and d}
        until_day = as_of_day(until)
        since_day = as_of_day(since) if since is not None else _default_since(dated.values())
        if since_day >= until_day:
            raise ValueError(f"since ({since_day}) must come before until ({until_day})")
        view = cls(graph, since_day, until_day)
        view.before_docs = {d for d, day in dated.items() if day is not None and day <= since_day}
        view.after_docs = {d for d, day in dated.items() if day is not None and since_day < day <= until_day}
        view._index()
        return view

    def _index(self) -> None:
        for node, attrs in self.graph.nodes(data=True):
            self._add(node, attrs.get("evidence") or [])
        for start, end, data in self.graph.edges(data=True):
            evidence = data.get("evidence") or []
            if data.get("type") == "MENTIONS":
                self.docs_of[end].add(str(start).removeprefix("doc-"))
                continue
            self._add(start, evidence)
            self._add(end, evidence)

    def _add(self, node: str, evidence: list[Evidence]) -> None:
        for item in evidence:
            doc = str(item.get("doc")).removeprefix("doc-")
            self.docs_of[node].add(doc)
            self.evidence_of[node].append(item)

    def side(self, node: str, docs: set[str]) -> list[Evidence]:
        """What the documents of one side say about `node`."""
        return [e for e in self.evidence_of.get(node, []) if str(e.get("doc")).removeprefix("doc-") in docs]

    def before(self, node: str) -> bool:
        return bool(self.docs_of.get(node, set()) & self.before_docs)

    def after(self, node: str) -> bool:
        return bool(self.docs_of.get(node, set()) & self.after_docs)


def _default_since(days: Iterable[str | None]) -> str:
    """The day before the latest document: the latest edition against everything before it."""
    latest = max((d for d in days if d), default=date.today().isoformat())
    return (date.fromisoformat(latest) - timedelta(days=1)).isoformat()


def changes_between(graph: nx.MultiDiGraph, since: str | None = None, until: str | None = None) -> list[Finding]:
    """Every change between `since` and `until` (partial dates stand for their last day; until None: today)."""
    editions = Editions.build(graph, since, until)
    view = Landscape.build(graph, editions.until)
    found = [*body_changes(editions, view), *line_changes(editions, view), *priority_changes(editions, view)]
    return sorted(found, key=lambda f: (f.rule, f.id))


def _finding(editions: Editions, view: Landscape, rule: str, explanation: str, nodes: list[str],
             before: list[Evidence], after: list[Evidence], **details: Any) -> Finding:
    finding = make_finding(view, rule, "changes", "info", explanation, nodes, [*before, *after],
                           areas={a for n in nodes if n in view.bodies for a in view.effective_areas(n)},
                           details={"since": editions.since, "until": editions.until, **details})
    finding.before = quotes(before)
    finding.after = quotes(after)
    return finding


# --- bodies -----------------------------------------------------------------------------------------------------


def body_changes(editions: Editions, view: Landscape) -> list[Finding]:
    """Bodies added (first named after `since`), ended, merged or renamed in the window, or not named again."""
    names = _names_before(editions, view)
    found = []
    for body in sorted(view.bodies):
        ending = _ending(editions, view, body)
        if ending is not None:
            found.append(ending)
            continue
        if view.kind(body) not in STRUCTURAL_KINDS:
            continue  # the landscape of partnerships, not every agency named in passing
        before, after = editions.before(body), editions.after(body)
        if after and not before:
            found.append(_added_body(editions, view, body, names))
        elif before and not after and editions.after_docs:
            found.append(_finding(
                editions, view, "body-not-restated",
                f"{capital(the(view, body))} is named up to {editions.since} but not in the later documents; no "
                f"document says it ended.", [body], editions.side(body, editions.before_docs), []))
    return found


def _names_before(editions: Editions, view: Landscape) -> dict[str, str]:
    """Folded names and aliases of the bodies the earlier documents name, to tell a new name from a new body."""
    names: dict[str, str] = {}
    for body in view.bodies:
        if editions.before(body):
            attrs = view.attrs[body]
            for name in [attrs.get("name") or "", *(attrs.get("aliases") or [])]:
                names.setdefault(search_text(str(name)), body)
    return names


def _added_body(editions: Editions, view: Landscape, body: str, names: dict[str, str]) -> Finding:
    attrs = view.attrs[body]
    after = editions.side(body, editions.after_docs)
    for name in [attrs.get("name") or "", *(attrs.get("aliases") or [])]:
        earlier = names.get(search_text(str(name)))
        if earlier is not None and earlier != body:
            return _finding(editions, view, "body-same-name",
                            f"{capital(the(view, body))} is first named after {editions.since}, but an earlier body, "
                            f"{the(view, earlier)}, has the name or alias {name!r}: possibly one body.",
                            [body, earlier], editions.side(earlier, editions.before_docs), after)
    return _finding(editions, view, "body-added",
                    f"{capital(the(view, body))} is first named after {editions.since}.", [body], [], after)


def _ending(editions: Editions, view: Landscape, body: str) -> Finding | None:
    """A merger, rename or closure that takes effect in the window, or one that a later document plans."""
    for _, successor, data in view.graph.out_edges(body, data=True):
        if data.get("type") not in SUCCESSION:
            continue
        start, _ = window(data)
        kind = "merged" if data["type"] == "MERGED_INTO" else "renamed"
        before = editions.side(body, editions.before_docs) or editions.evidence_of.get(body, [])[:1]
        after = list(data.get("evidence") or [])
        if is_intention(data) and stated_by(data, editions.until) and not stated_by(data, editions.since):
            when = f" from {data['valid_from']}" if data.get("valid_from") else ""
            return _finding(editions, view, f"body-to-be-{kind}",
                            f"{capital(the(view, body))} is to be {'merged into' if kind == 'merged' else 'succeeded by'}"
                            f" {the(view, successor)}{when} ({data.get('status')}).", [body, successor], before, after)
        if not is_intention(data) and start is not None and editions.since < start <= editions.until:
            verb = "merged into" if kind == "merged" else "was succeeded by"
            return _finding(editions, view, f"body-{kind}",
                            f"{capital(the(view, body))} {verb} {the(view, successor)} on {start}.",
                            [body, successor], before, after, effective=start)
    _, end = window(view.attrs[body])
    if end is not None and editions.since < end <= editions.until:
        return _finding(editions, view, "body-ended", f"{capital(the(view, body))} ended on {end}.", [body],
                        editions.side(body, editions.before_docs), editions.side(body, editions.after_docs),
                        effective=end)
    return None


# --- lines and chairs -------------------------------------------------------------------------------------------


def line_changes(editions: Editions, view: Landscape) -> list[Finding]:
    """Upward lines, chairs and leads that hold at `until` and not at `since` (added), or the other way (ended)."""
    found = []
    for start, end, data in view.graph.edges(data=True):
        kind = data.get("type")
        if kind not in LINE_TYPES or view.label(start) != "Body":
            continue
        then, now = holds(data, editions.since), holds(data, editions.until)
        if then == now:
            continue
        what = "chair" if kind in ("CHAIRED_BY", "VICE_CHAIRED_BY") else "lead" if kind == "LED_BY" else "line"
        sentence = f"{capital(the(view, start))} {WORDS[kind]} {the(view, end)}"
        evidence = list(data.get("evidence") or [])
        if now:
            earlier = _lines_at(view, start, kind, editions.since)
            was = (f"; before, it {WORDS[kind]} {listing([the(view, e) for e, _ in earlier])}" if earlier else "")
            found.append(_finding(editions, view, f"{what}-added", f"{sentence} from {window(data)[0]}{was}.",
                                  [start, end], [q for _, ev in earlier for q in ev[:1]], evidence))
        else:
            _, until = window(data)
            why = editions.side(start, editions.after_docs)[:2] or editions.side(end, editions.after_docs)[:2]
            found.append(_finding(editions, view, f"{what}-ended", f"{sentence} no longer from {until}.",
                                  [start, end], evidence, why, effective=until))
    return found


def _lines_at(view: Landscape, body: str, kind: str, day: str) -> list[tuple[str, list[Evidence]]]:
    return [(end, list(data.get("evidence") or [])) for _, end, data in view.graph.out_edges(body, data=True)
            if data.get("type") == kind and holds(data, day)]


# --- priorities -------------------------------------------------------------------------------------------------


def priority_changes(editions: Editions, view: Landscape) -> list[Finding]:
    """Per holder named on both sides: priorities first stated after `since`, and earlier themes no longer stated."""
    stated: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"before": [], "after": []})
    for holder, priority, data in view.graph.edges(data=True):
        if data.get("type") != "HAS_PRIORITY":
            continue
        attrs = view.graph.nodes[priority]
        if stated_by(attrs, editions.since):
            stated[holder]["before"].append(priority)
        elif stated_by(attrs, editions.until):
            stated[holder]["after"].append(priority)
    found = []
    for holder, sides in sorted(stated.items()):
        before, after = sides["before"], sides["after"]
        if not (before and after):
            continue  # a holder stated on one side only is a body change, not a change of its priorities
        before_quotes = [q for p in sorted(before) for q in view.evidence(p)[:1]]
        after_quotes = [q for p in sorted(after) for q in view.evidence(p)[:1]]
        texts = [str(view.attrs[p].get("text") or view.name(p)) for p in sorted(after)]
        found.append(_finding(editions, view, "priorities-added",
                              f"{capital(the(view, holder))} states {len(after)} priorities after {editions.since}: "
                              f"{listing(repr(t) for t in texts[:5])}{' ...' if len(texts) > 5 else ''}.",
                              [holder, *sorted(after)], before_quotes, after_quotes))
        dropped = _themes(view, before) - _themes(view, after)
        if dropped:
            found.append(_finding(editions, view, "priority-themes-dropped",
                                  f"{capital(the(view, holder))} no longer states priorities about "
                                  f"{listing(sorted(view.name(t).lower() for t in dropped))} after {editions.since}.",
                                  [holder, *sorted(dropped)], before_quotes, after_quotes))
    return found


def _themes(view: Landscape, priorities: list[str]) -> set[str]:
    return {end for p in priorities for _, end, data in view.graph.out_edges(p, data=True) if data.get("type") == "ABOUT"}
