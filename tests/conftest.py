"""Shared fixtures: the seed Facts (no database), and one embedded engine with the seeds loaded."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from graph.engine import Engine, open_engine
from graph.model import Facts
from graph.settings import REPO, Settings
from graph.store import write_facts
from loaders.pipeline import load_directory

SEEDS = REPO / "seeds"


@pytest.fixture(scope="session")
def seed_facts() -> Facts:
    return load_directory(SEEDS)


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    # A short server-wide query timeout (set once, when the JVM starts) lets a test see a runaway query stopped.
    return Settings(data_dir=Path(tmp_path_factory.mktemp("engine")), seeds_dir=SEEDS, query_timeout_ms=4000, max_rows=50)


@pytest.fixture(scope="session")
def engine(settings: Settings) -> Iterator[Engine]:
    """The one embedded engine of the test session (the JVM allows one per process)."""
    with open_engine(settings) as opened:
        yield opened


@pytest.fixture(scope="session")
def loaded_engine(engine: Engine, seed_facts: Facts) -> Engine:
    """The engine with the seeds loaded. Tests that change the graph must restore it."""
    write_facts(engine, seed_facts, reset=True)
    return engine


@pytest.fixture(scope="session")
def client(settings: Settings, loaded_engine: Engine) -> Iterator[TestClient]:
    """The API in-process, on the engine with the seeds loaded."""
    from api.app import create_app

    with TestClient(create_app(settings=settings, engine=loaded_engine)) as test_client:
        yield test_client


_exit_status: list[int] = []


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _exit_status.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """After the report: end without the interpreter's shutdown, where the embedded engine's JVM exit hooks can
    crash the process (seen once in a few runs) and turn a passing run into a failing exit code."""
    from graph.engine import exit_process, jvm_started

    if jvm_started() and _exit_status:
        exit_process(_exit_status[-1])
