"""The explorer's pages (search at `/`, bodies, documents, the graph view, findings, the Cypher workbench, exports),
their static scripts (built into api/explorer/dist by the Makefile) and Swagger UI served from this machine, so
that nothing comes from a CDN. Pages are built from the same service answers as the JSON routes, and cached the same
way: until the next load."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from api import service
from api.cache import ResponseCache, request_key
from api.deps import engine_of, graph_of
from api.errors import ApiError
from api.explorer import document, graphview, pages
from api.explorer.html import esc, page
from graph import exports, lookup
from graph.analysis import cached_analysis
from graph.diagrams import atlas as atlas_module
from graph.loads import LoadWatch, generation
from graph.queries import cypher as cypher_text
from graph.queries import header, query_names
from graph.schema import load_schema
from graph.store import export_graph

router = APIRouter(include_in_schema=False)
DIST = Path(__file__).resolve().parent / "explorer" / "dist"
STATIC_TYPES = {".js": "text/javascript", ".css": "text/css", ".png": "image/png", ".map": "application/json"}
EXPORT_TYPES = {"graph.json": "application/json", "nodes.csv": "text/csv; charset=utf-8",
                "relationships.csv": "text/csv; charset=utf-8", "graph.graphml": "application/graphml+xml",
                "graph.jsonld": "application/ld+json"}
SEARCH_LIMIT = 100
Text = Annotated[str | None, Query(max_length=200)]


async def cached_page(request: Request, build: Callable[[], str | bytes], media_type: str = "text/html; charset=utf-8"
                      ) -> Response:
    """The page from the cache of JSON answers (same keys, same invalidation on load), or built off the event loop."""
    watch: LoadWatch = request.app.state.load_watch
    if watch.due():
        await run_in_threadpool(watch.check_if_due)
    cache: ResponseCache = request.app.state.cache
    key = "explorer:" + request_key(request)
    body = cache.get(key)
    if body is None:
        built_in = generation()
        try:
            built = await run_in_threadpool(build)
        except lookup.UnknownNode as error:
            return not_found(request, error)
        body = built.encode("utf-8") if isinstance(built, str) else built
        cache.put(key, body, built_in)
    return Response(content=body, media_type=media_type)


def not_found(request: Request, error: lookup.UnknownNode) -> HTMLResponse:
    graph = graph_of(request)
    close = lookup.close_matches(graph, error.wanted, error.label)
    links = "".join(f'<li><a href="/explore/bodies/{esc(n)}">{esc(graph.nodes[n].get("name"))}</a></li>'
                    for n in close if graph.nodes[n].get("label") == "Body")
    body = f"<h1>No {esc(error.kind)} {esc(error.wanted)!s}</h1>" + (f"<p>Did you mean:</p><ul>{links}</ul>" if links else "")
    return HTMLResponse(page("Not found", body, "missing"), status_code=404)


def _area(request: Request, area: str | None) -> str | None:
    if area is None or not area.strip():
        return None
    graph = graph_of(request)
    return lookup.find(graph, area, "Area") or area


def _kind(kind: str | None) -> str | None:
    if kind is None or not kind.strip():
        return None
    return kind.strip().lower() if kind.strip().lower() in load_schema().body_kinds else None


def all_bodies(graph: Any) -> dict[str, Any]:
    items = sorted(({"id": n, "name": d.get("name"), "aliases": list(d.get("aliases") or []), "kind": d.get("kind"),
                     "status": d.get("status")} for n, d in graph.nodes(data=True) if d.get("label") == "Body"),
                   key=lambda b: str(b["name"]))
    return {"total": len(items), "limit": len(items), "offset": 0, "items": items}


@router.get("/")
async def search(request: Request, q: Text = None, kind: Text = None, area: Text = None) -> Response:
    def build() -> str:
        engine, graph = engine_of(request), graph_of(request)
        chosen_kind, chosen_area = _kind(kind), _area(request, area)
        # The facets count the same words without the kind and area filters; with neither, one query does both.
        # With no words every body is listed, from the projection the facets read anyway (no query at all).
        everything = (all_bodies(graph) if q is None or not q.strip() else
                      service.search_bodies(engine, q=q, kind=None, area=None, theme=None, as_of=None, limit=10_000,
                                            offset=0))
        found = {**everything, "items": everything["items"][:SEARCH_LIMIT]}
        if chosen_kind is not None or chosen_area is not None:
            found = service.search_bodies(engine, q=q, kind=chosen_kind, area=chosen_area, theme=None, as_of=None,
                                          limit=SEARCH_LIMIT, offset=0)
        return pages.search_page(graph, q, chosen_kind, chosen_area, found, everything["items"])
    return await cached_page(request, build)


def money_of(request: Request, body_id: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Allocations the body receives (as recipient) and makes (as allocating body)."""
    engine = engine_of(request)
    money_in = service.funding(engine, stream=None, recipient=body_id, period=None, as_of=None)["allocations"]
    money_out = service.funding(engine, stream=None, recipient=None, funder=body_id, period=None, as_of=None)
    return money_in, money_out["allocations"]


LINE_GROUPS = ("areas", "chair", "vice_chair", "lead", "members", "answers_to", "answered_by", "succeeded_by",
               "succeeds", "member_of", "other_lines")


def history_dates(graph: Any) -> list[str]:
    """The documents' dates and today: a line stated by any document holds on one of them (or is an intention)."""
    found = {str(d["date"]) for _, d in graph.nodes(data=True) if d.get("label") == "Document" and d.get("date")}
    return sorted(found) + [date.today().isoformat()]


def body_history(request: Request, body_id: str) -> dict[str, Any]:
    """The body as of today, with the lines it had at any document's date added (each keeps its own dates and
    status): a page about a body shows its history, where an answer at one date shows that date."""
    engine = engine_of(request)
    detail = service.body_detail(engine, body_id, None)
    seen = {(group, ln.get("id"), ln.get("type")) for group in LINE_GROUPS for ln in detail.get(group) or []}
    for when in history_dates(graph_of(request)):
        earlier = service.body_detail(engine, body_id, when)
        for group in LINE_GROUPS:
            for ln in earlier.get(group) or []:
                if (group, ln.get("id"), ln.get("type")) not in seen:
                    seen.add((group, ln.get("id"), ln.get("type")))
                    detail.setdefault(group, []).append({**ln, "earlier": when})
    return detail


@router.get("/explore/bodies/{body_id}")
async def body(request: Request, body_id: str) -> Response:
    def build() -> str:
        return pages.body_page(body_history(request, body_id), *money_of(request, body_id))
    return await cached_page(request, build)


@router.get("/explore/documents/{doc}")
async def document_view(request: Request, doc: str, start: Annotated[int | None, Query(ge=0)] = None,
                        end: Annotated[int | None, Query(ge=0)] = None) -> Response:
    def build() -> str:
        graph = graph_of(request)
        node = document.document_node(graph, doc)
        if node is None:
            raise lookup.UnknownNode("document", doc, "Document")
        try:
            text = document.document_text(request.app.state.settings.seeds_dir, node)
        except document.TextUnavailable as error:
            return page("Document", f"<h1>{esc(node.get('title'))}</h1><p class=error>{esc(error)}</p>", "document")
        facts = document.facts_by_document(graph).get(doc, [])
        return document.document_page(node, text, facts, start, end)
    return await cached_page(request, build)


def _view(request: Request, focus: str | None, scope: str, ids: str | None, expand: str | None) -> dict[str, Any]:
    graph = graph_of(request)
    if scope not in graphview.SCOPES:
        raise ApiError(422, f"scope must be one of {', '.join(graphview.SCOPES)}, not {scope!r}")
    chosen: set[str] = set()
    if ids:
        chosen = {i for i in ids.split(",") if i in graph}
    if focus and not chosen:
        label = "Area" if scope == "area" else "Body"
        found = lookup.find(graph, focus, label) if focus not in graph else focus
        if found is None:
            raise lookup.UnknownNode(label.lower(), focus, label)
        chosen = graphview.scope_nodes(graph, found, scope)
        focus = found
    if expand and expand in graph:
        chosen |= graphview.neighbourhood(graph, expand)
    return graphview.view(graph, chosen, focus)


@router.get("/explore/graph")
async def graph_page(request: Request, focus: Text = "strategic-partnership-board", scope: str = "neighbourhood"
                     ) -> Response:
    return await cached_page(request, lambda: pages.graph_page(focus, scope, _view(request, focus, scope, None, None)))


@router.get("/explore/api/graph")
async def graph_data(request: Request, focus: Text = None, scope: str = "neighbourhood",
                     ids: Annotated[str | None, Query(max_length=20_000)] = None, expand: Text = None) -> Response:
    """The graph view's data: `ids` (comma-separated) and the neighbours of `expand`, or a scope around `focus`."""
    def build() -> bytes:
        from api.cache import dumps
        return dumps(_view(request, focus, scope, ids, expand))
    return await cached_page(request, build, "application/json")


@router.get("/explore/atlas/{name}.svg")
async def atlas_page(request: Request, name: str) -> Response:
    """The atlas (graph.diagrams.atlas): 'overview', or an area's page; every box links to the next page."""
    from graph.diagrams import output
    from graph.diagrams.atlas import fit, overview_diagram

    def build() -> bytes:
        graph, link = graph_of(request), "/explore/atlas/{id}.svg"
        if name == "overview":
            return output(overview_diagram(graph, None, link), "svg")
        if name != atlas_module.NO_AREA_ID and not (name in graph and graph.nodes[name].get("label") == "Area"):
            raise lookup.UnknownNode("area", name, "Area")
        return output(fit(atlas_module.area_page(graph, name, None, link)), "svg")
    return await cached_page(request, build, "image/svg+xml")


@router.get("/explore/findings")
async def findings(request: Request) -> Response:
    def build() -> str:
        analysis = cached_analysis(graph_of(request), None)
        categories = {c: [f.model_dump() for f in analysis.select(c)] for c in ("duplication", "gaps")}
        return pages.findings_page(categories)
    return await cached_page(request, build)


def library() -> list[dict[str, Any]]:
    """The top-level queries of cypher/ with their header and example parameters (the workbench's examples)."""
    from api.browser import example

    return [{"name": n, "header": header(n), "text": cypher_text(n), "params": example(n)}
            for n in query_names() if "/" not in n]


@router.get("/explore/cypher")
async def workbench(request: Request) -> Response:
    return await cached_page(request, lambda: pages.workbench_page(library()))


@router.get("/explore/exports")
async def exports_page(request: Request) -> Response:
    return await cached_page(request, pages.exports_page)


EXPORTERS: dict[str, Callable[[dict[str, list[dict[str, Any]]]], str]] = {
    "graph.json": exports.to_json, "nodes.csv": exports.nodes_csv, "relationships.csv": exports.relationships_csv,
    "graph.graphml": exports.to_graphml, "graph.jsonld": exports.to_jsonld}


@router.get("/explore/export/{name}")
async def export(request: Request, name: str) -> Response:
    if name not in EXPORTERS:
        raise ApiError(404, f"no export {name!r}; exports are {', '.join(EXPORTERS)}")
    response = await cached_page(request, lambda: EXPORTERS[name](export_graph(engine_of(request))), EXPORT_TYPES[name])
    response.headers["Content-Disposition"] = f'attachment; filename="landscape-{name}"'
    return response


@router.get("/explore/static/{path:path}")
async def static(path: str) -> Response:
    """The built scripts and styles; a missing build says how to make it."""
    wanted = (DIST / path).resolve()
    if DIST.resolve() not in wanted.parents or not wanted.is_file():
        hint = "" if DIST.is_dir() else " The explorer is not built: run `make setup` (npm ci and esbuild)."
        return JSONResponse({"error": {"status": 404, "code": "not_found", "message": f"no file {path!r}.{hint}",
                                       "suggestions": [], "details": []}}, status_code=404)
    # The build changes only with a new `make setup`: an hour in the browser's cache spares reloading 2 MB per page.
    return FileResponse(wanted, media_type=STATIC_TYPES.get(wanted.suffix, "application/octet-stream"),
                        headers={"Cache-Control": "public, max-age=3600"})


@router.get("/docs")
async def swagger(request: Request) -> HTMLResponse:
    """Swagger UI from this machine's copy of swagger-ui-dist (FastAPI's default loads it from a CDN)."""
    return get_swagger_ui_html(openapi_url=request.app.openapi_url or "/openapi.json",
                               title=f"{request.app.title} - API", swagger_js_url="/explore/static/swagger/swagger-ui-bundle.js",
                               swagger_css_url="/explore/static/swagger/swagger-ui.css",
                               swagger_favicon_url="/explore/static/swagger/favicon-32x32.png")
