"""The whole graph projected once into a networkx MultiDiGraph, cached until the next load."""
from __future__ import annotations

import threading
from typing import Any

import networkx as nx

from graph.engine import Engine
from graph.store import evidence_from_properties

_lock = threading.Lock()
_cache: dict[int, nx.MultiDiGraph] = {}
_generation = 0


def invalidate() -> None:
    """Forget cached projections (call after every load)."""
    global _generation
    with _lock:
        _cache.clear()
        _generation += 1


def generation() -> int:
    """How many loads this process has seen: caches of query results key on it."""
    with _lock:
        return _generation


def build_projection(engine: Engine) -> nx.MultiDiGraph:
    """Nodes keyed by id with `label`, `name`, properties and `evidence`; edges keyed by type."""
    graph = nx.MultiDiGraph()
    for row in engine.read("project_nodes"):
        props: dict[str, Any] = dict(row["props"])
        evidence = evidence_from_properties(props)
        for key in ("ev_docs", "ev_starts", "ev_ends", "ev_quotes", "ev_methods", "search_text"):
            props.pop(key, None)
        graph.add_node(row["id"], label=row["label"], evidence=evidence, **props)
    for row in engine.read("project_relationships"):
        props = dict(row["props"])
        evidence = evidence_from_properties(props)
        for key in ("ev_docs", "ev_starts", "ev_ends", "ev_quotes", "ev_methods"):
            props.pop(key, None)
        graph.add_edge(row["start"], row["end"], key=props.pop("key", None) or row["type"], type=row["type"],
                       evidence=evidence, **props)
    return graph


def projection(engine: Engine) -> nx.MultiDiGraph:
    """The cached projection for this generation (rebuilt after invalidate())."""
    with _lock:
        generation = _generation
        cached = _cache.get(generation)
    if cached is not None:
        return cached
    built = build_projection(engine)
    with _lock:
        if generation == _generation:
            _cache[generation] = built
    return built
