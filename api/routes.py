"""Landscape queries over HTTP: bodies, reporting trees, accountability chains, priorities, themes, funding, areas,
evidence, the landscape at a date (read-only Cypher: api.cypher_routes). Each route runs named queries from cypher/ (api.service);
answers that only change when the graph is loaded again are cached as JSON bytes (api.cache)."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from api import models, service
from api.cache import cached_json
from api.deps import AsOf, engine_of, graph_of, unknown
from api.errors import ApiError, error_response
from graph import lookup
from graph.queries import cypher as cypher_text
from graph.queries import header
from graph.schema import load_schema

router = APIRouter()
Limit = Annotated[int, Query(ge=1, le=500, description="page size")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="skip this many (paging)")]
BodyId = Annotated[str, Path(min_length=1, max_length=300, description="body id, e.g. strategic-partnership-board")]
LIBRARY = ("search_bodies", "body", "body_lines", "members_and_chair", "holder_priorities", "reports_to_body",
           "accountability_chain", "bodies_by_theme", "priorities", "themes", "funding", "funding_totals", "area",
           "area_coverage", "node_evidence", "relationship_evidence", "landscape_as_of", "documents",
           "chairs", "programmes", "programme")


def _resolve(request: Request, label: str, text: str | None, what: str) -> str | None:
    """A filter value given as id, slug or name ('domestic abuse', 'domestic-abuse', 'theme-domestic-abuse');
    one that names nothing is a bad parameter (422) with close matches."""
    if text is None or not text.strip():
        return None
    graph = graph_of(request)
    try:
        return lookup.resolve(graph, text, label, what)
    except lookup.UnknownNode as error:
        raise unknown(graph, error, status=422) from error


def _kind(kind: str | None) -> str | None:
    if kind is None or not kind.strip():
        return None
    kinds = load_schema().body_kinds
    if kind.strip().lower() not in kinds:
        raise ApiError(422, f"unknown kind {kind!r}; kinds are {', '.join(kinds)}")
    return kind.strip().lower()


@router.get("/bodies", response_model=models.BodyPage, tags=["bodies"])
async def bodies(request: Request,
           q: Annotated[str | None, Query(max_length=200, description="name, alias or acronym (case and punctuation "
                                                                         "do not matter: 'cspb' finds the CSPB)")] = None,
           kind: Annotated[str | None, Query(max_length=40, description="board, partnership, group, ...")] = None,
           area: Annotated[str | None, Query(max_length=100, description="area id or name: bodies covering it or a "
                                                                            "part of it")] = None,
           theme: Annotated[str | None, Query(max_length=100, description="theme id or name, e.g. domestic abuse")] = None,
           as_of: AsOf = None, limit: Limit = 20, offset: Offset = 0) -> Response:
    """Search bodies by name, alias or acronym, kind, area and priority theme; exact names first."""
    def build() -> dict[str, Any]:
        return service.search_bodies(engine_of(request), q=q, kind=_kind(kind),
                                     area=_resolve(request, "Area", area, "area"),
                                     theme=_resolve(request, "Theme", theme, "theme"),
                                     as_of=as_of, limit=limit, offset=offset)
    return await cached_json(request, build)


@router.get("/bodies/{id}", response_model=models.BodyDetail, tags=["bodies"])
async def body(request: Request, id: BodyId, as_of: AsOf = None) -> Response:
    """The body with aliases, kind, status, areas, chair, members, its lines up and down, priorities and evidence."""
    return await cached_json(request, lambda: service.body_detail(engine_of(request), id, as_of))


@router.get("/bodies/{id}/reports", response_model=models.Reports, tags=["accountability"])
async def reports(request: Request, id: BodyId, as_of: AsOf = None,
            depth: Annotated[int, Query(ge=1, le=service.MAX_DEPTH, description="levels down (1: direct only)")] = 3,
            ) -> Response:
    """Who reports to the body (reports to, sub-group of, accountable to, part of), as a tree; mergers apart."""
    return await cached_json(request, lambda: service.reports(engine_of(request), id, depth, as_of))


@router.get("/bodies/{id}/chain", response_model=models.Chain, tags=["accountability"])
async def chain(request: Request, id: BodyId, as_of: AsOf = None) -> Response:
    """The accountability chain(s) from the body to the top, ordered, each step with its line's type, status and
    evidence; mergers and successions are followed to the current successor."""
    return await cached_json(request, lambda: service.chain(engine_of(request), id, as_of))


@router.get("/priorities", response_model=models.PriorityPage, tags=["priorities"])
async def priorities(request: Request,
               theme: Annotated[str | None, Query(max_length=100, description="theme id or name")] = None,
               holder: Annotated[str | None, Query(max_length=300, description="body or area id")] = None,
               as_of: AsOf = None, limit: Limit = 100, offset: Offset = 0) -> Response:
    """Priority statements, verbatim, with their holder and themes (as_of keeps those whose period holds then)."""
    def build() -> dict[str, Any]:
        return service.priorities(engine_of(request), theme=_resolve(request, "Theme", theme, "theme"),
                                  holder=holder, as_of=as_of, limit=limit, offset=offset)
    return await cached_json(request, build)


@router.get("/themes", response_model=list[models.Theme], tags=["priorities"])
async def themes(request: Request) -> Response:
    """The themes, each with how many priorities and allocations are about it (`funded` false: no money behind it)."""
    return await cached_json(request, lambda: service.themes(engine_of(request)))


@router.get("/areas/{id}", response_model=models.Area, tags=["areas"])
async def area(request: Request, id: Annotated[str, Path(min_length=1, max_length=200)], as_of: AsOf = None) -> Response:
    """An area: what it lies within and contains, the bodies covering it, priorities held for it and money for it."""
    def build() -> dict[str, Any]:
        return service.area(engine_of(request), lookup.find(graph_of(request), id, "Area") or id, as_of)
    return await cached_json(request, build)


@router.get("/evidence/{kind}/{id}", response_model=models.EvidenceAnswer, tags=["evidence"])
async def evidence(request: Request,
             kind: Annotated[str, Path(description="'node', a label in lower case (body, priority, allocation...) or "
                                                   "'relationship'")],
             id: Annotated[str, Path(min_length=1, max_length=600,
                                     description="node id, or TYPE:start->end for a relationship")]) -> Response:
    """The quotes behind a fact: document, title, date, character span, verbatim quote and method."""
    engine = engine_of(request)
    if kind == "relationship":
        def build() -> dict[str, Any]:
            try:
                return service.relationship_evidence(engine, id)
            except ValueError as error:
                raise ApiError(422, str(error)) from error
        return await cached_json(request, build)
    labels = {label.lower(): label for label in load_schema().labels}
    if kind != "node" and kind not in labels:
        raise ApiError(422, f"kind must be 'node', 'relationship' or one of {', '.join(sorted(labels))}, not {kind!r}")
    label = None if kind == "node" else labels[kind]
    return await cached_json(request, lambda: service.node_evidence(engine, id, label))


@router.get("/landscape", response_model=models.Landscape, tags=["accountability"])
async def landscape(request: Request, as_of: AsOf = None) -> Response:
    """Every line between bodies that holds at the date: reporting, sub-groups, accountability, mergers, chairs..."""
    return await cached_json(request, lambda: service.landscape(engine_of(request), as_of))


@router.get("/documents", response_model=list[models.Document], tags=["evidence"])
async def documents(request: Request) -> Response:
    """The source documents the evidence quotes."""
    return await cached_json(request, lambda: service.document_list(engine_of(request)))


@router.get("/queries", response_model=list[models.QueryInfo], tags=["cypher"])
async def queries(request: Request) -> Response:
    """The Cypher library: every named query the API runs, with its header (what it answers, its parameters)."""
    return await cached_json(request, lambda: [{"name": n, "header": header(n), "text": cypher_text(n)} for n in LIBRARY])


@router.get("/health", response_model=models.Health, tags=["health"])
def health(request: Request) -> JSONResponse:
    """Engine kind, whether it answers, and node counts by label; 503 (with Retry-After) when it does not answer."""
    current = engine_of(request)
    if not current.ping():
        raise ApiError(503, f"the {current.kind} engine does not answer", headers={"Retry-After": "5"},
                       details=[{"engine": current.kind, "reachable": False}])
    counts = {row["label"]: row["count"] for row in current.read("count_labels")}
    return JSONResponse({"engine": current.kind, "reachable": True, "counts": counts})


def install(app: FastAPI) -> None:
    """Routes, and the handler that turns an unknown id into a 404 with close matches."""
    app.include_router(router)

    @app.exception_handler(lookup.UnknownNode)
    async def unknown_node(request: Request, error: lookup.UnknownNode) -> Response:
        found = unknown(graph_of(request), error)
        return error_response(found.status, found.code, found.message, suggestions=found.suggestions)
