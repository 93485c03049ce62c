"""One server for every command: `stats` while the API (another process) serves, and a load made by a third process
picked up by both the served API and the in-process one, without a restart (the load marker, graph.loads)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from graph.engine import Engine
from graph.model import Facts
from graph.settings import REPO, Settings
from graph.store import write_facts
from tests.conftest import SEEDS, free_port, run_cli

# A body the first seed document does not name: after a load of that document alone it is gone.
ONLY_IN_LATER_DOCUMENTS = "strategic-partnership-board"


def get(url: str) -> tuple[int, Any]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def eventually(check: Callable[[], bool], seconds: float = 30.0) -> bool:
    """Whether `check` holds within `seconds` (the API looks for a new load at most once a second)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return check()


def test_stats_while_serving_and_a_load_from_another_process_is_seen(
        cli_env: Settings, loaded_engine: Engine, seed_facts: Facts, client: TestClient, tmp_path: Path) -> None:
    env = dict(os.environ)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    api = subprocess.Popen([sys.executable, "-m", "cli.main", "serve", "--port", str(port)], cwd=REPO, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert eventually(lambda: _status(base + "/health") == 200, 60), "the API did not start"
        assert len(get(base + "/documents")[1]) == 5 and len(client.get("/documents").json()) == 5
        assert get(f"{base}/bodies/{ONLY_IN_LATER_DOCUMENTS}")[0] == 200

        stats = run_cli("stats", "--json", env=env)
        assert stats.returncode == 0, stats.stderr
        assert json.loads(stats.stdout)["labels"]["Body"] == sum(1 for n in seed_facts.nodes.values()
                                                                 if n.label == "Body")

        one = tmp_path / "one"
        one.mkdir()
        shutil.copy(sorted(SEEDS.glob("*.txt"))[0], one)
        load = run_cli("load", "--reset", "--quiet", "--seeds", str(one), env=env)
        assert load.returncode == 0, load.stderr
        assert eventually(lambda: len(get(base + "/documents")[1]) == 1)
        assert get(f"{base}/bodies/{ONLY_IN_LATER_DOCUMENTS}")[0] == 404  # the projection was rebuilt too
        assert eventually(lambda: len(client.get("/documents").json()) == 1)
        assert client.get(f"/bodies/{ONLY_IN_LATER_DOCUMENTS}").status_code == 404

        again = run_cli("load", "--reset", "--quiet", env=env)
        assert again.returncode == 0, again.stderr
        assert eventually(lambda: len(get(base + "/documents")[1]) == 5)
        assert get(f"{base}/bodies/{ONLY_IN_LATER_DOCUMENTS}")[0] == 200
        assert eventually(lambda: len(client.get("/documents").json()) == 5)
    finally:
        api.terminate()
        api.wait(timeout=30)
        write_facts(loaded_engine, seed_facts, reset=True)  # the session's graph as other tests expect it


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status)
    except (urllib.error.URLError, OSError):
        return 0
