"""Responses that only change when the graph is loaded again, kept as ready JSON bytes.

The key is the route's path and the query parameters the route declares (sorted; anything else in the query string
is ignored, so junk parameters cannot fill the cache); the cache is bounded in bytes of JSON kept, least recently
used first out. An entry belongs to one load (graph.loads'
generation). Another process may load the same server: before answering, the app's LoadWatch asks the graph which
load it holds, at most once a second, and a new load makes every older entry a miss.
"""
from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from fastapi import Request, Response
from starlette.concurrency import run_in_threadpool

from graph.loads import LoadWatch, generation


def dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


class ResponseCache:
    def __init__(self, max_entries: int = 4096, max_bytes: int = 64 * 1024 * 1024) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._entries: OrderedDict[str, tuple[int, bytes]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0
        self.size_bytes = 0

    def get(self, key: str) -> bytes | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                self.misses += 1
                return None
            built_in, body = entry
            if built_in != generation():
                del self._entries[key]
                self.size_bytes -= len(body) + len(key)
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return body

    def put(self, key: str, body: bytes, built_in: int) -> None:
        size = len(body) + len(key)
        if size > self.max_bytes // 4:
            return  # one answer may not push out most of the others
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self.size_bytes -= len(old[1]) + len(key)
            self._entries[key] = (built_in, body)
            self.size_bytes += size
            while len(self._entries) > self.max_entries or self.size_bytes > self.max_bytes:
                dropped, (_, dropped_body) = self._entries.popitem(last=False)
                self.size_bytes -= len(dropped_body) + len(dropped)

    def __len__(self) -> int:
        return len(self._entries)


def declared_parameters(request: Request) -> frozenset[str] | None:
    """The query parameters the matched route declares (None when no route is known, e.g. outside a router)."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return None
    names: set[str] = set()
    stack = [dependant]
    while stack:
        current = stack.pop()
        names.update(param.alias for param in current.query_params)
        stack.extend(current.dependencies)
    return frozenset(names)


def request_key(request: Request) -> str:
    """The route's path and its declared query parameters, sorted; undeclared ones are left out."""
    declared = declared_parameters(request)
    items = sorted((k, v) for k, v in request.query_params.multi_items() if declared is None or k in declared)
    return request.url.path + "?" + "&".join(f"{k}={v}" for k, v in items)


async def cached_json(request: Request, build: Callable[[], Any]) -> Response:
    """The cached JSON bytes for this request, or `build()` serialised and remembered (errors are not cached).

    A hit is answered on the event loop; a miss runs its queries in the thread pool, so the loop never blocks.
    """
    watch: LoadWatch = request.app.state.load_watch
    if watch.due():  # at most once a second: one small query in the thread pool
        await run_in_threadpool(watch.check_if_due)
    cache: ResponseCache = request.app.state.cache
    key = request_key(request)
    body = cache.get(key)
    if body is None:
        built_in = generation()
        body = await run_in_threadpool(lambda: dumps(build()))
        cache.put(key, body, built_in)
    return Response(content=body, media_type="application/json")
