"""Which load the graph holds, as this process knows it: a generation number that every cache keys on.

Every load writes a marker (the single `:Load` node, `load/mark_load`) in its own transaction. A process that loads
moves its generation at once (`loaded`); a process that serves asks the graph for the marker at most once per
`interval_s` (`LoadWatch.check_if_due`) and moves its generation when another process has loaded since.
"""
from __future__ import annotations

import logging
import threading
import time

from graph.engine import Engine

log = logging.getLogger(__name__)
_lock = threading.Lock()
_generation = 0
_seen: str | None = None


def generation() -> int:
    """How many loads this process has seen: caches of answers and projections key on it."""
    with _lock:
        return _generation


def invalidate() -> None:
    """Forget every cached answer and projection (the next request rebuilds them)."""
    global _generation
    with _lock:
        _generation += 1


def loaded(load_id: str | None) -> None:
    """The graph now holds load `load_id`: move the generation if it is not the one last seen."""
    global _generation, _seen
    with _lock:
        if load_id != _seen:
            _seen = load_id
            _generation += 1


class LoadWatch:
    """Asks the graph which load it holds, at most once per `interval_s`, without making callers wait on each other."""

    def __init__(self, engine: Engine, interval_s: float = 1.0) -> None:
        self.engine, self.interval_s = engine, interval_s
        self._checked_at = float("-inf")
        self._checking = threading.Lock()
        self.checks = 0

    def due(self) -> bool:
        return time.monotonic() - self._checked_at >= self.interval_s

    def check_if_due(self) -> None:
        """One cheap query when due; a caller that finds another check running goes on with what is known."""
        if not self.due() or not self._checking.acquire(blocking=False):
            return
        try:
            if not self.due():
                return
            rows = self.engine.read("load/last_load")
            self.checks += 1
            loaded(rows[0]["load_id"] if rows else None)
        except Exception as error:  # the request's own queries will answer (503 if the engine is down); cached answers stand
            log.warning("load check failed: %s", error)
        finally:
            self._checked_at = time.monotonic()
            self._checking.release()
