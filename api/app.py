"""The FastAPI application factory; the lifespan owns the engine."""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request

from graph.engine import Engine, open_engine
from graph.settings import Settings


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> FastAPI:
    """Build the app; pass `engine` to share one already open (tests), else the lifespan opens one."""
    settings = Settings.from_env() if settings is None else settings

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if engine is not None:
            app.state.engine = engine
            yield
            return
        with open_engine(settings) as opened:
            app.state.engine = opened
            yield

    app = FastAPI(title="Partnership landscape graph", version="0.1.0", lifespan=lifespan)
    app.state.settings = settings
    from api import analysis_routes

    app.include_router(analysis_routes.router)
    from api import diagram_routes
    app.include_router(diagram_routes.router)

    @app.get("/health")
    def health(request: Request) -> dict[str, Any]:
        current: Engine = request.app.state.engine
        reachable = current.ping()
        counts = {r["label"]: r["count"] for r in current.read("count_labels")} if reachable else {}
        return {"engine": current.kind, "reachable": reachable, "counts": counts}

    return app
