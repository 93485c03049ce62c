"""Money over HTTP: allocations with every figure's column, who funds what, and totals computed per table, per
allocating body and per stream beside the totals the documents state. Filters name a stream, a recipient or a
funder by id or name; one that names nothing is a bad parameter (422) with close matches."""
from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api import models, service
from api.cache import cached_json
from api.deps import AsOf, engine_of, graph_of, suggestions
from api.errors import ApiError
from graph import lookup

router = APIRouter(tags=["funding"])
Stream = Annotated[str | None, Query(max_length=200, description="stream id or name, e.g. Community Safety Fund")]
Funder = Annotated[str | None, Query(max_length=200, description="the body that allocates or gives the money: id "
                                                                 "or name, e.g. Home Office")]
Recipient = Annotated[str | None, Query(max_length=200, description="a body or an area: id or name")]
Period = Annotated[str | None, Query(max_length=40, description="e.g. 2012-13, or 2011-10/2013-03")]


def filter_id(request: Request, text: str | None, labels: tuple[str, ...], kind: str) -> str | None:
    """The id a filter value names (id, id without its prefix, name or alias, in any case), trying each label in
    turn; none: a 422 suggesting close matches among those labels."""
    if text is None or not text.strip():
        return None
    graph = graph_of(request)
    for label in labels:
        found = lookup.find(graph, text, label)
        if found is not None:
            return found
    close = [s for label in labels for s in suggestions(graph, text, label)][:5]
    hint = "" if not close else " Did you mean " + ", ".join(repr(s.id) for s in close[:3]) + "?"
    raise ApiError(422, f"unknown {kind} {text!r}." + hint, suggestions=close)


Flow = Annotated[Literal["allocation", "receipt"] | None,
                 Query(description="allocation (money given out) or receipt (money received)")]
Measure = Annotated[str | None, Query(max_length=100, description="a column's readable label, e.g. Q1 spend")]


@router.get("/funding", response_model=models.Funding)
async def funding(request: Request, stream: Stream = None, recipient: Recipient = None, funder: Funder = None,
                  period: Period = None, flow: Flow = None, measure: Measure = None, as_of: AsOf = None) -> Response:
    """Allocations by stream, recipient, funder and period: every figure with its column (`measure`, `column`) and
    period, its flow (allocation or receipt), funder and recipient bodies; with the totals of the figures that count
    per stream and per funder."""
    def build() -> dict[str, Any]:
        return service.funding(engine_of(request), stream=filter_id(request, stream, ("FundingStream",), "stream"),
                               recipient=filter_id(request, recipient, ("Body", "Area"), "recipient"),
                               funder=filter_id(request, funder, ("Body",), "funder"), period=period, as_of=as_of,
                               flow=flow, measure=measure.strip() if measure else None)
    return await cached_json(request, build)


@router.get("/funding/totals", response_model=models.FundingTotals)
async def funding_totals(request: Request, stream: Stream = None, funder: Funder = None,
                         period: Period = None) -> Response:
    """Totals computed per table, per allocating body and per stream and column, beside the total each document
    states and the difference, with the data-quality findings about money."""
    def build() -> dict[str, Any]:
        return service.funding_totals(engine_of(request),
                                      stream=filter_id(request, stream, ("FundingStream",), "stream"),
                                      funder=filter_id(request, funder, ("Body",), "funder"), period=period)
    return await cached_json(request, build)
