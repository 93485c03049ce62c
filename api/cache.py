"""Responses that only change when the graph is loaded again, kept as ready JSON bytes.

The key is the route's path and its sorted query parameters; an entry belongs to one load (graph.projection's
generation) and, on a shared Neo4j server that another process may load, also expires after `ttl_s`.
"""
from __future__ import annotations

import json
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from fastapi import Request, Response
from starlette.concurrency import run_in_threadpool

from graph.projection import generation


def dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


class ResponseCache:
    def __init__(self, max_entries: int = 4096, ttl_s: float | None = None) -> None:
        self.max_entries, self.ttl_s = max_entries, ttl_s
        self._entries: OrderedDict[str, tuple[int, float, bytes]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: str) -> bytes | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                self.misses += 1
                return None
            built_in, built_at, body = entry
            if built_in != generation() or (self.ttl_s is not None and time.monotonic() - built_at > self.ttl_s):
                del self._entries[key]
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return body

    def put(self, key: str, body: bytes, built_in: int) -> None:
        with self._lock:
            self._entries[key] = (built_in, time.monotonic(), body)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)


def request_key(request: Request) -> str:
    return request.url.path + "?" + "&".join(f"{k}={v}" for k, v in sorted(request.query_params.multi_items()))


async def cached_json(request: Request, build: Callable[[], Any]) -> Response:
    """The cached JSON bytes for this request, or `build()` serialised and remembered (errors are not cached).

    A hit is answered on the event loop; a miss runs its queries in the thread pool, so the loop never blocks.
    """
    cache: ResponseCache = request.app.state.cache
    key = request_key(request)
    body = cache.get(key)
    if body is None:
        built_in = generation()
        body = await run_in_threadpool(lambda: dumps(build()))
        cache.put(key, body, built_in)
    return Response(content=body, media_type="application/json")
