"""The FastAPI application factory; the lifespan owns the engine."""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from api import browser, cypher_routes, errors, guards, routes
from api.cache import ResponseCache
from api.errors import ErrorResponse
from graph.engine import Engine, open_engine
from graph.loads import LoadWatch
from graph.settings import Settings

DESCRIPTION = """The community-safety partnership landscape of Leicester, Leicestershire and Rutland as a graph:
who reports to whom, accountability chains, priorities, money and areas. Every fact carries its evidence
(document, character span, verbatim quote). Errors share one shape: `{"error": {"status", "code", "message",
"suggestions", "details"}}`."""


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> FastAPI:
    """Build the app; pass `engine` to share one already open (tests), else the lifespan opens one."""
    settings = Settings.from_env() if settings is None else settings

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if engine is not None:
            app.state.engine = engine
            app.state.load_watch = LoadWatch(engine, settings.load_check_s)
            yield
            return
        with open_engine(settings) as opened:
            app.state.engine = opened
            app.state.load_watch = LoadWatch(opened, settings.load_check_s)
            yield

    app = FastAPI(title="Partnership landscape graph", version="0.1.0", lifespan=lifespan, description=DESCRIPTION,
                  docs_url=None, redoc_url=None,  # /docs from local assets: api.explorer_routes
                  responses={422: {"model": ErrorResponse, "description": "bad parameters"},
                             503: {"model": ErrorResponse, "description": "engine unavailable (see Retry-After)"}})
    app.state.settings = settings
    # Answers are kept until the graph is loaded again, by this process or another (graph.loads.LoadWatch).
    app.state.cache = ResponseCache(max_bytes=settings.cache_max_bytes)
    # User queries (POST /cypher) on their own few threads; one more than that is a 429 (api.guards).
    app.state.query_gate = guards.QueryGate(settings.max_concurrent_queries)
    # Neo4j Browser fetches the guide and style from another origin; the API is read-only, so GET is open to all.
    app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET"], allow_headers=["*"])
    errors.install(app)
    routes.install(app)
    app.include_router(cypher_routes.router)
    app.include_router(browser.router)
    from api import funding_routes  # money: /funding, /funding/totals
    app.include_router(funding_routes.router)
    from api import analysis_routes

    app.include_router(analysis_routes.router)
    from api import diagram_routes
    app.include_router(diagram_routes.router)
    from api import explorer_routes
    app.include_router(explorer_routes.router)
    from api import answer_routes
    app.include_router(answer_routes.router)
    # Outermost: an untrusted Host or an oversized body is refused before anything else runs.
    guards.install(app, settings.trusted_hosts, settings.max_body_bytes)
    return app
