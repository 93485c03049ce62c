"""Duplication, gap, structure and change analysis over the networkx projection; results cached per projection."""
from __future__ import annotations

import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeAlias

import networkx as nx

from graph.analysis import changes, duplication, editions, gaps, structure
from graph.analysis.findings import SEVERITY_ORDER, Category, Finding
from graph.analysis.landscape import Landscape
from graph.lookup import name_index

Rule = Callable[[Landscape], list[Finding]]

RULES: dict[Category, list[Rule]] = {
    "duplication": [duplication.shared_themes, duplication.membership_interlock, duplication.several_upward_lines,
                    duplication.parallel_bodies],
    "gaps": [gaps.unfunded_themes, gaps.missing_area_priorities, gaps.no_upward_line, gaps.stale_lines,
             gaps.unaccountable_money, gaps.no_chair_or_members, gaps.accountability_cycles],
    "structure": [structure.brokers, structure.seat_holders, structure.deepest_chains],
    "changes": [changes.body_changes, changes.mergers_and_renames],
}
CATEGORIES: tuple[Category, ...] = ("duplication", "gaps", "structure", "changes")


@dataclass
class Analysis:
    """Every finding of one projection at one date, with what the filters need to resolve names and areas."""

    as_of: str | None
    findings: dict[str, list[Finding]]
    timings: dict[str, float]
    area_ids: dict[str, str] = field(default_factory=dict)
    theme_ids: dict[str, str] = field(default_factory=dict)
    area_within: dict[str, set[str]] = field(default_factory=dict)

    def select(self, category: str, *, area: str | None = None, theme: str | None = None,
               severity: str | None = None) -> list[Finding]:
        """Findings of one category; `area` keeps those about it or any area inside it; `severity` is a minimum."""
        wanted_areas = None
        if area is not None:
            area_id = self.resolve_area(area)
            wanted_areas = {area_id} | self.area_within.get(area_id, set())
        theme_id = None if theme is None else self.resolve_theme(theme)
        floor = 0 if severity is None else SEVERITY_ORDER[severity]
        return [
            f for f in self.findings.get(category, [])
            if SEVERITY_ORDER[f.severity] >= floor
            and (theme_id is None or theme_id in f.themes)
            and (wanted_areas is None or not wanted_areas.isdisjoint(f.areas))
        ]

    def resolve_area(self, text: str) -> str:
        found = self.area_ids.get(text.strip().lower())
        if found is None:
            raise LookupError(f"unknown area {text!r}")
        return found

    def resolve_theme(self, text: str) -> str:
        found = self.theme_ids.get(text.strip().lower())
        if found is None:
            raise LookupError(f"unknown theme {text!r}")
        return found


def analyse(graph: nx.MultiDiGraph, as_of: str | None = None, categories: tuple[Category, ...] = CATEGORIES) -> Analysis:
    """Run every rule of the given categories over the landscape at `as_of` (None: now), timing each."""
    timings: dict[str, float] = {}
    started = time.perf_counter()
    view = Landscape.build(graph, as_of)
    timings["index"] = time.perf_counter() - started
    findings: dict[str, list[Finding]] = {}
    for category in categories:
        findings[category] = []
        for rule in RULES[category]:
            started = time.perf_counter()
            found = rule(view)
            timings[f"{category}.{rule.__name__}"] = time.perf_counter() - started
            found.sort(key=lambda f: (-SEVERITY_ORDER[f.severity], -(f.score or 0), f.id))
            findings[category].extend(found)
    return Analysis(
        as_of=as_of, findings=findings, timings=timings,
        area_ids=name_index(graph, "Area"), theme_ids=name_index(graph, "Theme"),
        area_within={a: set(view.descendants(a)) for a in view.areas},
    )


_lock = threading.Lock()
Memo: TypeAlias = weakref.WeakKeyDictionary[nx.MultiDiGraph, OrderedDict[Any, Analysis]]
_cache: Memo = weakref.WeakKeyDictionary()
_changes_cache: Memo = weakref.WeakKeyDictionary()
MAX_DATES_PER_PROJECTION = 32


def _memoised(cache: Memo, graph: nx.MultiDiGraph, key: Any, compute: Callable[[], Analysis]) -> Analysis:
    """`compute()` once per projection and key, the most recent MAX_DATES_PER_PROJECTION keys kept (a new projection
    after a load starts afresh); computed outside the lock, so two requests may compute the same key once each."""
    with _lock:
        per_graph = cache.setdefault(graph, OrderedDict())
        found = per_graph.get(key)
        if found is not None:
            per_graph.move_to_end(key)
            return found
    result = compute()
    with _lock:
        per_graph = cache.setdefault(graph, OrderedDict())
        per_graph[key] = result
        while len(per_graph) > MAX_DATES_PER_PROJECTION:
            per_graph.popitem(last=False)
    return result


def cached_analysis(graph: nx.MultiDiGraph, as_of: str | None = None) -> Analysis:
    """The analysis of this projection at this date, computed once (a new projection after a load starts afresh)."""
    return _memoised(_cache, graph, as_of, lambda: analyse(graph, as_of))


def cached_changes(graph: nx.MultiDiGraph, since: str | None, until: str | None) -> Analysis:
    """Changes by identity between two dates (graph.analysis.editions), as an Analysis the route filters like any
    other; computed once per projection and pair of dates."""

    def compute() -> Analysis:
        base = cached_analysis(graph, until)
        started = time.perf_counter()
        findings = editions.changes_between(graph, since, until)
        return Analysis(as_of=until, findings={"changes": findings},
                        timings={"changes.changes_between": time.perf_counter() - started},
                        area_ids=base.area_ids, theme_ids=base.theme_ids, area_within=base.area_within)

    return _memoised(_changes_cache, graph, (since, until), compute)


__all__ = ["Analysis", "CATEGORIES", "Finding", "Landscape", "RULES", "analyse", "cached_analysis", "cached_changes"]
