"""Diagrams of the seed landscape through the routes and the command line, against Neo4j with the seeds loaded."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api import errors
from api.app import create_app
from graph.diagrams import MAX_DEPTH
from graph.engine import Engine
from graph.settings import Settings
from tests.diagrams.check import parse_dot, parse_mermaid, svg_nodes

SPB = "strategic-partnership-board"


@pytest.fixture(scope="module")
def diagrams(loaded_engine: Engine, settings: Settings) -> Iterator[TestClient]:
    app = create_app(settings, engine=loaded_engine)
    if errors.ApiError not in app.exception_handlers:
        errors.install(app)  # the app gives every error one shape; install it if this build of the app does not yet
    with TestClient(app) as client:
        yield client


def test_the_strategic_partnership_board_subtree_names_its_sub_groups(diagrams: TestClient) -> None:
    response = diagrams.get(f"/diagrams/bodies/{SPB}.svg")
    assert response.status_code == 200 and response.headers["content-type"].startswith("image/svg+xml")
    nodes = svg_nodes(response.content)
    for sub_group, name in [("anti-social-behaviour-strategy-group", "Anti-Social Behaviour Strategy Group"),
                            ("reducing-re-offending-programme-board", "Reducing Re-offending Programme Board"),
                            # and the two boards merged into it, with what answered to them
                            ("community-safety-programme-board", "Community Safety Programme Board"),
                            ("local-criminal-justice-board", "Local Criminal Justice Board"),
                            ("core-performance-group", "Core Performance Group")]:
        assert name in nodes[sub_group].text
    assert "Strategic Partnership Board" in nodes[SPB].text
    # the sub-groups are planned ("will be a sub-group"), so their lines are dashed and say so
    dot = diagrams.get(f"/diagrams/bodies/{SPB}.dot").text
    line = next(x for x in dot.splitlines() if x.strip().startswith('"anti-social-behaviour-strategy-group" ->'))
    assert "style=dashed" in line and "planned" in line


def test_a_chain_diagram_draws_each_step_above_the_one_before(diagrams: TestClient) -> None:
    steps = ["rutland-joint-action-group", "safer-rutland-strategic-partnership-board",
             "rutland-local-strategic-partnership-executive-board"]
    response = diagrams.get(f"/diagrams/bodies/{steps[0]}.svg", params={"direction": "up", "depth": 5})
    assert response.status_code == 200
    nodes = svg_nodes(response.content)
    assert [s for s in steps if s in nodes] == steps
    heights = [nodes[s].y for s in steps]
    assert heights[0] > heights[1] > heights[2]  # SVG y grows downward: each step higher up
    mermaid = diagrams.get(f"/diagrams/bodies/{steps[0]}.mmd", params={"direction": "up"}).text
    chart = parse_mermaid(mermaid)
    links = {(a, b) for a, b, _, _ in chart.edges}
    assert ("n_rutland_joint_action_group", "n_safer_rutland_strategic_partnership_board") in links
    assert ("n_safer_rutland_strategic_partnership_board", "n_rutland_local_strategic_partnership_executive_board") in links


def test_a_chain_through_a_merger_reaches_the_successor(diagrams: TestClient) -> None:
    response = diagrams.get("/diagrams/bodies/core-performance-group.svg", params={"direction": "up"})
    nodes = svg_nodes(response.content)
    assert nodes["core-performance-group"].y > nodes["community-safety-programme-board"].y > nodes[SPB].y
    assert "merged into Strategic Partnership Board (2012-09)" in nodes["community-safety-programme-board"].text


def test_dot_and_mermaid_outputs_parse(diagrams: TestClient) -> None:
    for path in ("/diagrams/landscape", f"/diagrams/bodies/{SPB}", "/diagrams/areas/area-rutland", "/diagrams/funding"):
        dot = diagrams.get(f"{path}.dot")
        assert dot.status_code == 200 and dot.headers["content-type"].startswith("text/vnd.graphviz")
        assert "digraph" in parse_dot(dot.text)
        mermaid = diagrams.get(f"{path}.mmd")
        assert mermaid.status_code == 200
        chart = parse_mermaid(mermaid.text)
        assert chart.nodes and chart.edges


def test_png_is_a_png(diagrams: TestClient) -> None:
    response = diagrams.get("/diagrams/bodies/domestic-violence-delivery-group.png", params={"direction": "up"})
    assert response.status_code == 200 and response.headers["content-type"] == "image/png"
    assert response.content.startswith(b"\x89PNG\r\n\x1a\n")


def test_an_unknown_body_is_a_404_with_suggestions(diagrams: TestClient) -> None:
    response = diagrams.get("/diagrams/bodies/strategic-partnership-bord.svg")
    assert response.status_code == 404
    error = response.json()["error"]
    assert error["code"] == "not_found" and "strategic-partnership-bord" in error["message"]
    assert SPB in [s["id"] for s in error["suggestions"]]
    assert diagrams.get("/diagrams/areas/atlantis.svg").status_code == 404
    assert diagrams.get("/diagrams/funding.svg", params={"stream": "lottery"}).status_code == 404


def test_a_huge_depth_is_capped_with_a_clear_message(diagrams: TestClient) -> None:
    response = diagrams.get(f"/diagrams/bodies/{SPB}.dot", params={"depth": 1_000_000})
    assert response.status_code == 200
    assert response.headers["X-Diagram-Depth-Capped"] == f"depth 1000000 asked for, capped at {MAX_DEPTH}"
    assert f"Depth capped at {MAX_DEPTH} (asked for 1000000)." in response.text
    assert "X-Diagram-Depth-Capped" not in diagrams.get(f"/diagrams/bodies/{SPB}.dot", params={"depth": 2}).headers


@pytest.mark.parametrize("query", [
    "/diagrams/bodies/strategic-partnership-board.svg?depth=0",
    "/diagrams/bodies/strategic-partnership-board.svg?direction=sideways",
    "/diagrams/bodies/strategic-partnership-board.gif",
    "/diagrams/landscape.svg?as_of=last-year",
    "/diagrams/landscape.svg?findings=true&severity=dire",
])
def test_bad_parameters_are_a_422(diagrams: TestClient, query: str) -> None:
    response = diagrams.get(query)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_parameters"


def test_the_landscape_at_a_date_and_with_findings(diagrams: TestClient) -> None:
    def merger(dot: str) -> str:
        return next(x for x in dot.splitlines()
                    if x.strip().startswith('"community-safety-programme-board" -> "strategic-partnership-board"'))

    now = merger(diagrams.get("/diagrams/landscape.dot").text)
    assert "merged into 2012-09" in now and "style=solid" in now
    # in August 2012 the merger of September 2012 had not happened: only the planned succession, which the August
    # 2012 document states, is drawn, dashed (in 2010 no document had said it yet)
    before = merger(diagrams.get("/diagrams/landscape.dot", params={"as_of": "2012-08"}).text)
    assert "succeeded by 2012-09 (planned)" in before and "style=dashed" in before
    marked = diagrams.get("/diagrams/landscape.svg", params={"findings": "true"})
    nodes = svg_nodes(marked.content)
    # the Reducing Re-offending board's lines to the two merged boards are stale: a gap finding marks it
    marks = nodes["reducing-re-offending-programme-board"].text.split()
    assert any(re.fullmatch(r"G\d+", mark) for mark in marks), marks
    assert b"Findings" in marked.content


def test_an_area_diagram_holds_its_bodies_and_districts(diagrams: TestClient) -> None:
    rutland = svg_nodes(diagrams.get("/diagrams/areas/area-rutland.svg").content)
    assert "Safer Rutland Strategic Partnership Board" in rutland["safer-rutland-strategic-partnership-board"].text
    assert "leicestershire-together" not in rutland
    county = svg_nodes(diagrams.get("/diagrams/areas/Leicestershire.svg").content)
    assert {"blaby-district-community-safety-partnership", "safer-melton-partnership",
            "leicestershire-safer-communities-strategy-board"} <= set(county)


def test_funding_shows_stream_allocating_body_and_amounts(diagrams: TestClient) -> None:
    response = diagrams.get("/diagrams/funding.dot", params={"stream": "Community Safety Fund"})
    assert response.status_code == 200
    dot = response.text
    assert '"stream-community-safety-fund" -> "leicestershire-safer-communities-strategy-board"' in dot
    assert "£600,110" in dot  # the county table's stated total
    assert '"leicestershire-safer-communities-strategy-board" -> "blaby-district-community-safety-partnership"' in dot
    assert "£20,938" in dot
    assert "Youth Justice Grant" not in dot


def test_cli_writes_diagram_files(settings: Settings, loaded_engine: Engine, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from cli.main import main

    monkeypatch.setenv("LANDSCAPE_DATA_DIR", str(settings.data_dir))  # share the session's engine
    png = tmp_path / "landscape.png"
    assert main(["diagram", "landscape", "-o", str(png)]) == 0
    assert png.read_bytes().startswith(b"\x89PNG")
    chain = tmp_path / "chain.mmd"
    assert main(["diagram", "body", "rutland-joint-action-group", "--direction", "up", "-o", str(chain)]) == 0
    parse_mermaid(chain.read_text(encoding="utf-8"))
    svg = tmp_path / "rutland.svg"
    assert main(["diagram", "area", "area-rutland", "--findings", "-o", str(svg)]) == 0
    assert "safer-rutland-strategic-partnership-board" in svg_nodes(svg.read_bytes())
    assert main(["diagram", "body", "no-such-board", "-o", str(tmp_path / "x.svg")]) == 2
    assert main(["diagram", "body"]) == 2


def test_funding_as_of_a_date_keeps_the_money_of_that_period(diagrams: TestClient) -> None:
    during = diagrams.get("/diagrams/funding.dot", params={"stream": "Community Safety Fund", "as_of": "2012-10"}).text
    after = diagrams.get("/diagrams/funding.dot", params={"stream": "Community Safety Fund", "as_of": "2020"}).text
    assert "32,752" in during
    assert "32,752" not in after
