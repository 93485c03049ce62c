"""What docker compose relies on, checked without a Docker engine: pinned images, healthchecks, the files the app
reads at run time copied into the image, and the environment the app reads."""
from __future__ import annotations

import re

import yaml

from graph.settings import REPO, Settings


def test_compose_pins_images_and_checks_health() -> None:
    compose = yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))
    neo4j, api = compose["services"]["neo4j"], compose["services"]["api"]
    assert re.fullmatch(r"neo4j:5\.\d+\.\d+-community", neo4j["image"])
    assert neo4j["healthcheck"]["test"] and api["healthcheck"]["test"]
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert {"7474:7474", "7687:7687"} <= set(neo4j["ports"])
    settings = Settings.from_env({k: str(v) for k, v in api["environment"].items()})
    assert settings.engine_kind == "neo4j" and settings.neo4j_uri == "bolt://neo4j:7687"


def test_image_holds_what_the_app_reads_at_run_time() -> None:
    dockerfile = (REPO / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.11\.\d+-slim", dockerfile, re.M)
    copied = {m.group(1) for m in re.finditer(r"^COPY (\S+) \S+$", dockerfile, re.M)}
    for needed in ("graph", "api", "loaders", "cypher", "seeds", "docs/browser", "pyproject.toml"):
        assert needed in copied or any(needed in c.split() for c in copied) or needed in dockerfile, needed
    assert "landscape load --if-empty" in dockerfile and "landscape serve --host 0.0.0.0" in dockerfile
