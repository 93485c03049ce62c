"""Shared fixtures: the seed Facts (no database), and one embedded engine with the seeds loaded."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

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
    return Settings(data_dir=Path(tmp_path_factory.mktemp("engine")), seeds_dir=SEEDS)


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
