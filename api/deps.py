"""What routes share: the engine, the cached projection, and looking a node up by id (404 with close matches)."""
from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import networkx as nx
from fastapi import Query, Request
from pydantic import AfterValidator

from api.errors import ApiError, Suggestion
from graph import lookup
from graph.engine import Engine
from graph.loads import LoadWatch
from graph.projection import projection
from graph.time import ISO_DATE


def calendar_date(value: str | None) -> str | None:
    """An as_of in ASCII digits that names a real date: the pattern's `\\d` also matches full-width digits (`２００６`),
    and `2012-02-30` fits the pattern but no calendar."""
    if value is None:
        return None
    if not value.isascii():
        raise ValueError("as_of must be written in ASCII digits: YYYY, YYYY-MM or YYYY-MM-DD")
    if len(value) == 10:
        try:
            date.fromisoformat(value)
        except ValueError as error:
            raise ValueError(f"as_of {value!r} is not a date of the calendar") from error
    return value


AsOf = Annotated[str | None, AfterValidator(calendar_date), Query(pattern=ISO_DATE.pattern,
                                   description="the landscape at this date: YYYY, YYYY-MM or YYYY-MM-DD, standing for "
                                               "its last day (2007: 2007-12-31); default: today, everywhere")]


def engine_of(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


def graph_of(request: Request) -> nx.MultiDiGraph:
    """The cached networkx projection of the whole graph (rebuilt after each load, by this process or another)."""
    watch: LoadWatch = request.app.state.load_watch
    watch.check_if_due()
    return projection(engine_of(request))


def suggestions(graph: nx.MultiDiGraph, wanted: str, label: str | None) -> list[Suggestion]:
    """Nodes whose id, name or alias is close to `wanted`, for "did you mean"."""
    return [Suggestion(id=node, name=graph.nodes[node].get("name"), label=graph.nodes[node].get("label"))
            for node in lookup.close_matches(graph, wanted, label)]


def unknown(graph: nx.MultiDiGraph, error: lookup.UnknownNode, status: int = 404) -> ApiError:
    """The API error for an id (404) or a filter value (422) that names no node, with close matches."""
    found = suggestions(graph, error.wanted, error.label)
    hint = "" if not found else " Did you mean " + ", ".join(repr(s.id) for s in found[:3]) + "?"
    what = f"no {error.kind} with id {error.wanted!r}" if status == 404 else f"unknown {error.kind} {error.wanted!r}"
    return ApiError(status, what + "." + hint, suggestions=found)


def node_or_404(request: Request, node_id: str, label: str | None = "Body", kind: str = "body") -> dict[str, Any]:
    """The projected node `node_id` (with `label`), or a 404 ApiError suggesting close ids and names."""
    graph = graph_of(request)
    if node_id in graph and (label is None or graph.nodes[node_id].get("label") == label):
        return dict(graph.nodes[node_id], id=node_id)
    raise unknown(graph, lookup.UnknownNode(kind, node_id, label))
