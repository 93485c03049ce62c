"""Shared fixtures: the seed Facts (no database), and one Neo4j for the whole session with the seeds loaded.

The session starts its own Neo4j as a separate process (graph.server.lifecycle, as `landscape db start` does) in a
temporary data folder, on free ports, with its own password, and stops it at the end whatever happens: a finalizer,
an atexit hook, and a watchdog process that stops it if this one dies without either. With NEO4J_URI set, that
server is used instead; it is emptied, so LANDSCAPE_TEST_ALLOW_RESET=1 must say that this is fine.
"""
from __future__ import annotations

import atexit
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from graph.engine import Engine, open_engine
from graph.model import Facts
from graph.server import lifecycle
from graph.settings import REPO, Settings
from graph.store import write_facts
from loaders.pipeline import load_directory

SEEDS = REPO / "seeds"
# Limits: rows kept short so that tests see the cap act; the timeout is the shipped default, since a loaded 2-core CI
# machine can take 4-5 s over a library query. The session's server loads the seeds only, so its memory is small.
QUERY_TIMEOUT_MS, MAX_ROWS = 10000, 50
# FastAPI's TestClient sends `Host: testserver`; only the tests trust it, never the production defaults.
TEST_HOSTS = ("testserver",)
SERVER_MEMORY = {"neo4j_heap": "1g", "neo4j_tx_memory": "256m", "neo4j_total_tx_memory": "512m"}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _watchdog(parent: int, child: int) -> None:
    """A small process that stops the server if the test process dies without stopping it (SIGKILL, a crash)."""
    script = (f"while kill -0 {parent} 2>/dev/null; do sleep 2; done; kill -TERM {child} 2>/dev/null; "
              f"for i in $(seq 1 60); do kill -0 {child} 2>/dev/null || exit 0; sleep 1; done; kill -KILL {child}")
    subprocess.Popen(["sh", "-c", script], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL, start_new_session=True)


class SessionServer:
    """The session's own Neo4j: started once, stopped once (finalizer or atexit, whichever comes first)."""

    def __init__(self, settings: Settings, folder: Path) -> None:
        self.settings, self.folder = settings, folder
        self.state: lifecycle.RunState | None = None

    def start(self) -> None:
        self.state, _ = lifecycle.start(self.settings)
        _watchdog(os.getpid(), self.state.pid)

    def stop(self) -> None:
        if self.state is not None:
            lifecycle.stop(self.settings, timeout_s=30)
            self.state = None
        shutil.rmtree(self.folder, ignore_errors=True)


def _session_settings() -> tuple[Settings, SessionServer | None]:
    env = Settings.from_env()
    if env.neo4j_uri is not None:
        if os.environ.get("LANDSCAPE_TEST_ALLOW_RESET") != "1":
            raise pytest.UsageError(f"NEO4J_URI is set ({env.neo4j_uri}): the tests empty that server. Set "
                                    "LANDSCAPE_TEST_ALLOW_RESET=1 to allow it, or unset NEO4J_URI to let the tests "
                                    "start their own Neo4j.")
        folder = Path(tempfile.mkdtemp(prefix="landscape-test-"))
        return replace(env, data_dir=folder, query_timeout_ms=QUERY_TIMEOUT_MS, max_rows=MAX_ROWS,
                       trusted_hosts=env.trusted_hosts + TEST_HOSTS), None
    folder = Path(tempfile.mkdtemp(prefix="landscape-test-neo4j-"))
    settings = replace(env, data_dir=folder, neo4j_bolt_port=free_port(), neo4j_http_port=free_port(),
                       api_url=f"http://127.0.0.1:{free_port()}", query_timeout_ms=QUERY_TIMEOUT_MS, max_rows=MAX_ROWS,
                       neo4j_heap=SERVER_MEMORY["neo4j_heap"], neo4j_tx_memory=SERVER_MEMORY["neo4j_tx_memory"],
                       neo4j_total_tx_memory=SERVER_MEMORY["neo4j_total_tx_memory"],
                       trusted_hosts=env.trusted_hosts + TEST_HOSTS)
    return settings, SessionServer(settings, folder)


@pytest.fixture(scope="session")
def settings() -> Iterator[Settings]:
    """The session's settings; with no NEO4J_URI, its own Neo4j runs for the whole session."""
    chosen, server = _session_settings()
    if server is None:
        yield chosen
        shutil.rmtree(chosen.data_dir, ignore_errors=True)
        return
    atexit.register(server.stop)
    try:
        server.start()
        yield chosen
    finally:
        server.stop()
        atexit.unregister(server.stop)


@pytest.fixture(scope="session")
def seed_facts() -> Facts:
    return load_directory(SEEDS)


@pytest.fixture(scope="session")
def engine(settings: Settings) -> Iterator[Engine]:
    """The session's Neo4j, emptied."""
    with open_engine(settings) as opened:
        write_facts(opened, Facts(), reset=True)
        yield opened


def plan_library(engine: Engine) -> None:
    """Run every library query once with its example, and with every parameter null, without the session's
    per-query limit: on a cold server shared by busy neighbours a query's first planning alone took 5-9 s (measured),
    and the limit is there to catch slow queries, not the JIT of a fresh Neo4j. Failures here are left to the tests
    that run these queries for real."""
    from neo4j.exceptions import Neo4jError

    from api.browser import example
    from api.routes import LIBRARY

    patient = Engine(engine.driver, engine.database, 120)
    for name in (*LIBRARY, "list_findings"):
        params = example(name)
        for values in (params, {key: None for key in params}):
            try:
                patient.read(name, **values)
            except Neo4jError:
                pass


@pytest.fixture(scope="session")
def loaded_engine(engine: Engine, seed_facts: Facts) -> Engine:
    """The engine with the seeds loaded and the library's queries planned. Tests that change the graph must restore
    it."""
    write_facts(engine, seed_facts, reset=True)
    plan_library(engine)
    return engine


@pytest.fixture(scope="session")
def client(settings: Settings, loaded_engine: Engine) -> Iterator[TestClient]:
    """The API in-process, on the engine with the seeds loaded."""
    from api.app import create_app

    with TestClient(create_app(settings=settings, engine=loaded_engine)) as test_client:
        yield test_client


@pytest.fixture
def cli_env(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """The environment a `landscape` command (in-process or a subprocess) needs to reach the session's Neo4j."""
    monkeypatch.setenv("LANDSCAPE_DATA_DIR", str(settings.data_dir))
    return settings


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """`landscape ARGS` in its own process (as a user runs it)."""
    return subprocess.run([sys.executable, "-m", "cli.main", *args], cwd=REPO, env=env or dict(os.environ),
                          capture_output=True, text=True, timeout=timeout)
