"""What stands in front of the routes: trusted Host names, a request body size limit, and the gate that lets only a
few user queries (POST /cypher) run at once.

Why each exists: a page of another site can reach a server on 127.0.0.1 by pointing its own name at that address
(DNS rebinding), and only the Host header tells; a body is read whole before it is validated, so its size is
checked first; and user queries run on a pool of their own, as many as the gate lets through, so slow ones can
neither queue without end nor take the threads that /health and cached routes answer from.
"""
from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from fastapi import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import ApiError, error_response

T = TypeVar("T")
RETRY_AFTER_S = 1


def host_name(header: str) -> str:
    """The name in a Host header, without its port: `[::1]:8000` is `::1`, `localhost:8000` is `localhost`."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].partition("]")[0]
    if header.count(":") == 1:
        return header.partition(":")[0]
    return header


class HostAndSizeGuard:
    """ASGI middleware: 400 for a Host that is not trusted, 413 for a body over `max_body_bytes` (by its
    Content-Length, or counted as it arrives when there is none)."""

    def __init__(self, app: ASGIApp, trusted_hosts: tuple[str, ...], max_body_bytes: int) -> None:
        self.app = app
        self.trusted = frozenset(name.lower() for name in trusted_hosts)
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {key.decode("latin-1"): value.decode("latin-1") for key, value in scope["headers"]}
        name = host_name(headers.get("host", ""))
        if name not in self.trusted:
            response = error_response(400, "untrusted_host", f"the Host {name!r} is not one this API answers; add it "
                                      "to LANDSCAPE_TRUSTED_HOSTS if it should be")
            await response(scope, receive, send)
            return
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_body_bytes:
            await self._too_large(scope, receive, send)
            return
        await self.app(scope, self._counting(receive), send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = error_response(413, "too_large", f"the request body is larger than {self.max_body_bytes:,} bytes")
        await response(scope, receive, send)

    def _counting(self, receive: Receive) -> Receive:
        seen = 0
        limit = self.max_body_bytes

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    # FastAPI passes an HTTPException raised while reading the body on as it is (413).
                    raise HTTPException(413, f"the request body is larger than {limit:,} bytes")
            return message

        return counted


class QueryGate:
    """At most `limit` user queries at once, each on this gate's own threads; one more is refused at once (429)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._slots = threading.BoundedSemaphore(limit)
        self._pool = ThreadPoolExecutor(max_workers=limit, thread_name_prefix="user-query")
        self.refused = 0

    async def run(self, work: Callable[[], T]) -> T:
        if not self._slots.acquire(blocking=False):
            self.refused += 1
            raise ApiError(429, f"{self.limit} queries are already running; try again in {RETRY_AFTER_S} s",
                           code="too_many_queries", headers={"Retry-After": str(RETRY_AFTER_S)})
        try:
            return await asyncio.get_running_loop().run_in_executor(self._pool, work)
        finally:
            self._slots.release()

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def install(app: Any, trusted_hosts: tuple[str, ...], max_body_bytes: int) -> None:
    """The Host and body-size guard, outermost, so nothing else runs for a request it refuses."""
    app.add_middleware(HostAndSizeGuard, trusted_hosts=trusted_hosts, max_body_bytes=max_body_bytes)
