"""Finding a node by what people type: its id, its id without the label's prefix, its name or an alias, in any case.

One index per projection and label, built once; the API's filters and 404 suggestions, the analysis' filters and the
diagrams all look nodes up here.
"""
from __future__ import annotations

import difflib
import threading
import weakref

import networkx as nx

from graph.model import ID_PREFIX

_lock = threading.Lock()
_indexes: weakref.WeakKeyDictionary[nx.MultiDiGraph, dict[str | None, dict[str, str]]] = weakref.WeakKeyDictionary()


class UnknownNode(LookupError):
    """No node of `label` (any label when None) answers to `wanted`; `kind` says what was looked for."""

    def __init__(self, kind: str, wanted: str, label: str | None) -> None:
        super().__init__(f"unknown {kind} {wanted!r}")
        self.kind, self.wanted, self.label = kind, wanted, label


def name_index(graph: nx.MultiDiGraph, label: str | None) -> dict[str, str]:
    """Lower-case id, id without prefix, name and aliases of every node with `label` (all when None) -> node id."""
    with _lock:
        found = _indexes.get(graph, {}).get(label)
    if found is not None:
        return found
    found = {}
    for node, attrs in graph.nodes(data=True):
        node_label = attrs.get("label")
        if label is not None and node_label != label:
            continue
        bare = str(node).removeprefix(ID_PREFIX.get(str(node_label), ""))
        for key in (node, bare, attrs.get("name"), *(attrs.get("aliases") or [])):
            if key:
                found.setdefault(str(key).strip().lower(), str(node))
    with _lock:
        _indexes.setdefault(graph, {})[label] = found
    return found


def find(graph: nx.MultiDiGraph, text: str, label: str | None) -> str | None:
    """The node `text` names ('domestic abuse', 'domestic-abuse' and 'theme-domestic-abuse' are one theme)."""
    index = name_index(graph, label)
    wanted = text.strip().lower()
    for key in (wanted, wanted.replace(" ", "-"), wanted.replace("-", " ")):
        if key in index:
            return index[key]
    return None


def resolve(graph: nx.MultiDiGraph, text: str, label: str | None, kind: str) -> str:
    """Like find(), raising UnknownNode."""
    found = find(graph, text, label)
    if found is None:
        raise UnknownNode(kind, text, label)
    return found


def close_matches(graph: nx.MultiDiGraph, wanted: str, label: str | None, limit: int = 5) -> list[str]:
    """Ids of the nodes whose id, name or alias is close to `wanted` (or contains it), closest first."""
    index = name_index(graph, label)
    text = wanted.strip().lower()
    keys = difflib.get_close_matches(text, list(index), n=limit * 3, cutoff=0.55)
    if len(text) >= 3:
        keys += [k for k in index if text in k and k not in keys]
    ids: list[str] = []
    for key in keys:
        if index[key] not in ids:
            ids.append(index[key])
    return ids[:limit]
