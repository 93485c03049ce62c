"""The whole graph projected once into a networkx MultiDiGraph, cached until the next load (graph.loads)."""
from __future__ import annotations

import threading
from typing import Any

import networkx as nx

from graph.engine import Engine
from graph.loads import generation, invalidate
from graph.store import evidence_from_properties

__all__ = ["build_projection", "generation", "invalidate", "projection"]
_lock = threading.Lock()
_cache: dict[int, nx.MultiDiGraph] = {}


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
    """The cached projection of the load this process knows of (rebuilt when graph.loads' generation moves)."""
    current = generation()
    with _lock:
        cached = _cache.get(current)
    if cached is not None:
        return cached
    built = build_projection(engine)
    with _lock:
        if current == generation():
            _cache.clear()  # older generations are never asked for again
            _cache[current] = built
    return built
