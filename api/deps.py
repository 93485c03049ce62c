"""What routes share: the engine, the cached projection, and looking a node up by id (404 with close matches)."""
from __future__ import annotations

import threading
import weakref
from typing import Any

import networkx as nx
from fastapi import Request

from api.errors import ApiError, not_found
from graph.engine import Engine
from graph.projection import projection

_lock = threading.Lock()
_candidates: weakref.WeakKeyDictionary[nx.MultiDiGraph, dict[str | None, dict[str, tuple[str, str | None, str]]]] = (
    weakref.WeakKeyDictionary())


def engine_of(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


def graph_of(request: Request) -> nx.MultiDiGraph:
    """The cached networkx projection of the whole graph (rebuilt after each load)."""
    return projection(engine_of(request))


def candidates(graph: nx.MultiDiGraph, label: str | None) -> dict[str, tuple[str, str | None, str]]:
    """Lower-case ids, names and aliases of the nodes with `label` (all nodes when None) -> (id, name, label)."""
    with _lock:
        per_graph = _candidates.setdefault(graph, {})
        found = per_graph.get(label)
    if found is not None:
        return found
    found = {}
    for node_id, data in graph.nodes(data=True):
        if label is not None and data.get("label") != label:
            continue
        entry = (str(node_id), data.get("name"), str(data.get("label")))
        for key in (str(node_id), data.get("name"), *(data.get("aliases") or [])):
            if key:
                found.setdefault(str(key).lower(), entry)
    with _lock:
        _candidates.setdefault(graph, {})[label] = found
    return found


def node_or_404(request: Request, node_id: str, label: str | None = "Body", kind: str = "body") -> dict[str, Any]:
    """The projected node `node_id` (with `label`), or a 404 ApiError suggesting close ids and names."""
    graph = graph_of(request)
    if node_id in graph and (label is None or graph.nodes[node_id].get("label") == label):
        return dict(graph.nodes[node_id], id=node_id)
    raise not_found(kind, node_id, candidates(graph, label))


def bad_request(message: str) -> ApiError:
    return ApiError(400, message)
