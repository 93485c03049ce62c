"""What docker compose relies on, checked without a Docker engine: pinned images (the compose Neo4j is the version the
project's own server pins), healthchecks, the server settings that matter, the files the app reads at run time
copied into the image, and the environment the app reads."""
from __future__ import annotations

import re

import yaml

from graph.server.install import pinned_version
from graph.settings import REPO, Settings


def test_compose_pins_images_and_checks_health() -> None:
    compose = yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))
    neo4j, api = compose["services"]["neo4j"], compose["services"]["api"]
    assert neo4j["image"] == f"neo4j:{pinned_version()}-community"
    assert re.fullmatch(r"5\.26\.\d+", pinned_version())  # the LTS line, which runs on Java 17
    assert neo4j["healthcheck"]["test"] and api["healthcheck"]["test"]
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert {"7474:7474", "7687:7687"} <= set(neo4j["ports"])
    settings = Settings.from_env({k: str(v) for k, v in api["environment"].items()})
    assert not settings.local and settings.neo4j_uri == "bolt://neo4j:7687"


def test_compose_server_has_the_local_servers_safety_settings() -> None:
    """What issue 13 needs from the server holds on docker compose too: no file URLs, the transaction backstops."""
    from graph.server.lifecycle import Home, render_conf

    env = yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))["services"]["neo4j"]["environment"]
    local = Settings()
    conf = dict(line.split("=", 1) for line in render_conf(local, Home(REPO / "x"), 7687, 7474).splitlines()
                if line and not line.startswith("#") and not line.startswith("server.jvm"))
    for setting in ("dbms.security.allow_csv_import_from_file_urls", "db.transaction.timeout",
                    "db.memory.transaction.max", "dbms.memory.transaction.total.max"):
        variable = "NEO4J_" + setting.replace("_", "__").replace(".", "_")
        assert str(env[variable]) == conf[setting], setting


def test_image_holds_what_the_app_reads_at_run_time() -> None:
    dockerfile = (REPO / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.11\.\d+-slim", dockerfile, re.M)
    copied = {m.group(1) for m in re.finditer(r"^COPY (\S+) \S+$", dockerfile, re.M)}
    assert "arcadedb" not in dockerfile.lower()
    for needed in ("graph", "api", "cli", "loaders", "cypher", "seeds", "docs/browser", "pyproject.toml"):
        assert needed in copied or any(needed in c.split() for c in copied) or needed in dockerfile, needed
    assert "landscape load --if-empty" in dockerfile and "landscape serve --host 0.0.0.0" in dockerfile
