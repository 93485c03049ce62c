"""The analysis of the seed graph, through the engine: the issue's examples, the HTTP routes and the CLI report."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.analysis import Analysis, analyse
from graph.engine import Engine
from graph.projection import projection
from graph.settings import Settings

MERGED = {"community-safety-programme-board", "local-criminal-justice-board"}
RROPB = "reducing-re-offending-programme-board"


@pytest.fixture(scope="module")
def seed_analysis(loaded_engine: Engine) -> Analysis:
    return analyse(projection(loaded_engine))


@pytest.fixture(scope="module")
def client(loaded_engine: Engine, settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings, engine=loaded_engine)) as test_client:
        yield test_client


def test_a_district_partnership_without_domestic_abuse_among_its_priorities_is_reported(seed_analysis: Analysis) -> None:
    found = seed_analysis.select("gaps", theme="domestic-abuse")
    missing = [f for f in found if f.rule == "missing-area-priority"]
    assert missing, "no district partnership reported as lacking the area-wide domestic abuse priority"
    for finding in missing:
        assert finding.nodes[0].label == "Body"
        assert finding.details["district"] in finding.areas
        assert finding.evidence, "a finding without quotes"
    # Partnerships that do list domestic abuse are not reported for it.
    reported = {f.nodes[0].id for f in missing}
    assert "safer-melton-partnership" not in reported
    assert "oadby-and-wigston-community-safety-partnership" not in reported


def test_the_reducing_reoffending_board_lines_to_the_merged_boards_are_stale_and_multiple(seed_analysis: Analysis) -> None:
    stale = [f for f in seed_analysis.select("gaps") if f.rule == "stale-line" and f.nodes[0].id == RROPB]
    assert {f.details["target"] for f in stale} == MERGED
    assert all(f.details["successor"] == "strategic-partnership-board" and f.severity == "high" for f in stale)
    (several,) = [f for f in seed_analysis.select("duplication")
                  if f.rule == "several-upward-lines" and f.nodes[0].id == RROPB]
    assert set(several.details["targets"]) == MERGED  # type: ignore[arg-type]
    assert set(several.details["dissolved_targets"]) == MERGED  # type: ignore[arg-type]
    assert "strategic partnership board" in several.explanation.lower()


def test_before_the_merger_the_lines_are_not_stale(loaded_engine: Engine) -> None:
    earlier = analyse(projection(loaded_engine), as_of="2012-08")
    assert not [f for f in earlier.select("gaps") if f.rule == "stale-line" and f.nodes[0].id == RROPB]


def test_no_merger_is_reported_as_a_reporting_line(seed_analysis: Analysis) -> None:
    for finding in seed_analysis.select("duplication") + seed_analysis.select("gaps"):
        if finding.rule in ("several-upward-lines", "stale-line", "accountability-cycle"):
            assert finding.nodes[0].id not in MERGED, finding.explanation
            assert finding.details.get("line_type") != "MERGED_INTO"
    chains = [f for f in seed_analysis.select("structure") if f.rule == "chain-depth"]
    assert all(not (set(f.details["chain"]) & MERGED and f.nodes[0].id in MERGED) for f in chains)  # type: ignore[arg-type]


def test_every_finding_is_explained_and_quotes_the_documents_verbatim(seed_analysis: Analysis, loaded_engine: Engine) -> None:
    from graph.settings import REPO

    texts: dict[str, str] = {}
    for found in seed_analysis.findings.values():
        for finding in found:
            assert finding.explanation.endswith(".") and finding.nodes
            for quote in finding.evidence:
                if quote.doc not in texts:
                    texts[quote.doc] = (REPO / "seeds" / f"{quote.doc}.txt").read_text(encoding="utf-8")
                if quote.start is not None and quote.end is not None:
                    assert texts[quote.doc][quote.start:quote.end] == quote.quote


def test_routes_answer_with_findings_and_filters(client: TestClient) -> None:
    for category in ("duplication", "gaps", "structure", "changes"):
        response = client.get(f"/analysis/{category}")
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["category"] == category and body["count"] == len(body["findings"]) <= 1000
    gaps = client.get("/analysis/gaps", params={"theme": "domestic abuse", "severity": "medium"}).json()
    assert gaps["count"] > 0
    assert all("theme-domestic-abuse" in f["themes"] and f["severity"] in ("medium", "high") for f in gaps["findings"])
    assert {"rule", "severity", "explanation", "nodes", "evidence"} <= set(gaps["findings"][0])
    in_area = client.get("/analysis/gaps", params={"area": "area-leicestershire"}).json()
    assert all(f["areas"] for f in in_area["findings"])
    page = client.get("/analysis/gaps", params={"limit": 2, "offset": 1}).json()
    everything = client.get("/analysis/gaps").json()
    assert page["count"] == everything["count"] and page["findings"] == everything["findings"][1:3]
    stale = client.get("/analysis/gaps", params={"as_of": "2013"}).json()
    assert any(f["rule"] == "stale-line" for f in stale["findings"])


def test_routes_refuse_bad_filters(client: TestClient) -> None:
    assert client.get("/analysis/gaps", params={"as_of": "September"}).status_code in (400, 422)
    assert client.get("/analysis/gaps", params={"severity": "dire"}).status_code in (400, 422)
    assert client.get("/analysis/duplication", params={"area": "atlantis"}).status_code == 422
    assert client.get("/analysis/duplication", params={"theme": "piracy"}).status_code == 422


def test_cli_writes_a_markdown_and_an_html_report(loaded_engine: Engine, settings: Settings, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from cli.main import main

    monkeypatch.setenv("LANDSCAPE_DATA_DIR", str(settings.data_dir))  # share the session's engine
    report = tmp_path / "report.md"
    assert main(["analyse", "--format", "md", "-o", str(report)]) == 0
    text = report.read_text(encoding="utf-8")
    assert "## Gaps: where the holes are" in text and "Reducing Re-offending Programme Board" in text
    page = tmp_path / "report.html"
    assert main(["analyse", "--format", "html", "-o", str(page), "--as-of", "2007"]) == 0
    assert page.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert main(["analyse", "--as-of", "last year"]) == 2
