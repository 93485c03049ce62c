"""One JSON error shape for every failure of the API, and "did you mean" suggestions for unknown ids.

    {"error": {"status": 404, "code": "not_found", "message": "...", "suggestions": [{"id", "name"}], "details": []}}
"""
from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph.engine import EngineUnavailable

log = logging.getLogger(__name__)
RETRY_AFTER_S = 5
CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 408: "timeout", 413: "too_large",
         422: "invalid_parameters", 500: "internal_error", 503: "engine_unavailable"}


class Suggestion(BaseModel):
    id: str
    name: str | None = None
    label: str | None = None


class ErrorBody(BaseModel):
    status: int
    code: str
    message: str
    suggestions: list[Suggestion] = Field(default_factory=list)
    details: list[dict[str, Any]] = Field(default_factory=list)


class ErrorResponse(BaseModel):
    """The shape of every error response of the API."""

    error: ErrorBody


class ApiError(Exception):
    """Raise anywhere in a route; the handler turns it into the error shape."""

    def __init__(self, status: int, message: str, *, code: str | None = None, suggestions: list[Suggestion] | None = None,
                 details: list[dict[str, Any]] | None = None, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message = status, message
        self.code = code or CODES.get(status, "error")
        self.suggestions = suggestions or []
        self.details = details or []
        self.headers = headers


def error_response(status: int, code: str, message: str, *, suggestions: list[Suggestion] | None = None,
             details: list[dict[str, Any]] | None = None, headers: dict[str, str] | None = None) -> JSONResponse:
    body = ErrorResponse(error=ErrorBody(status=status, code=code, message=message, suggestions=suggestions or [],
                                         details=details or []))
    return JSONResponse(body.model_dump(), status_code=status, headers=headers)


def install(app: FastAPI) -> None:
    """Register the handlers that give every error the one shape."""

    @app.exception_handler(ApiError)
    async def api_error(request: Request, error: ApiError) -> JSONResponse:
        return error_response(error.status, error.code, error.message, suggestions=error.suggestions, details=error.details,
                        headers=error.headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        message = error.detail if isinstance(error.detail, str) else "request failed"
        details: list[dict[str, Any]] = error.detail if isinstance(error.detail, list) else []
        return error_response(error.status_code, CODES.get(error.status_code, "error"), message, details=details,
                              headers=getattr(error, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        details = [{"location": ".".join(str(p) for p in e.get("loc", ())), "message": e.get("msg", ""),
                    "type": e.get("type", "")} for e in error.errors()]
        first = details[0] if details else {"location": "", "message": "invalid request"}
        return error_response(422, "invalid_parameters", f"{first['location']}: {first['message']}", details=details)

    @app.exception_handler(EngineUnavailable)
    async def unavailable(request: Request, error: EngineUnavailable) -> JSONResponse:
        log.warning("engine unavailable: %s", error)
        return error_response(503, "engine_unavailable", "the graph engine cannot be reached; retry shortly",
                        headers={"Retry-After": str(RETRY_AFTER_S)})

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> JSONResponse:
        log.exception("unexpected error on %s", request.url.path)
        return error_response(500, "internal_error", "unexpected error; it has been logged")
