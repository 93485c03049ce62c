"""Change by identity between two dates (graph.analysis.editions): hand-made landscapes, then the seeds over HTTP."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from graph.analysis.editions import changes_between
from tests.analysis.build import Landscape_, node_ids


def editions() -> Landscape_:
    land = Landscape_()
    land.node("doc-early", "Document", date="2007-03").node("doc-late", "Document", date="2012-08")
    for body in ("old", "renamed", "both", "fresh", "successor", "top"):
        land.body(body)
    # "both" is named early only through a line about it: by identity it is in both editions
    land.edge("doc-early", "old", "MENTIONS").edge("doc-late", "fresh", "MENTIONS").edge("doc-late", "both", "MENTIONS")
    land.graph.add_edge("both", "top", key="REPORTS_TO", type="REPORTS_TO", holds_from="2007-03-01",
                        evidence=[{"doc": "early", "start": 0, "end": 1, "quote": "both reports to top"}])
    land.graph.add_edge("fresh", "top", key="REPORTS_TO", type="REPORTS_TO", holds_from="2012-08-01",
                        evidence=[{"doc": "late", "start": 0, "end": 1, "quote": "fresh reports to top"}])
    land.graph.add_edge("renamed", "successor", key="SUCCEEDED_BY", type="SUCCEEDED_BY", holds_from="2012-09-01",
                        valid_from="2012-09", status="current",
                        evidence=[{"doc": "late", "start": 0, "end": 1, "quote": "renamed from September 2012"}])
    land.edge("doc-early", "renamed", "MENTIONS")
    land.graph.nodes["renamed"]["aliases"] = []
    land.graph.nodes["fresh"]["aliases"] = ["Old"]  # a new node whose alias an earlier body carries
    return land


def by_rule(since: str | None = "2010", until: str | None = "2013") -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for finding in changes_between(editions().graph, since, until):
        found.setdefault(finding.rule, set()).update(node_ids(finding))
    return found


def test_a_body_named_early_only_through_a_fact_about_it_is_not_new() -> None:
    found = by_rule()
    assert "both" not in found.get("body-added", set()) and "both" not in found.get("body-not-restated", set())


def test_renames_and_lines_in_the_window_with_evidence_on_both_sides() -> None:
    findings = {f.rule: f for f in changes_between(editions().graph, "2010", "2013")}
    renamed = findings["body-renamed"]
    assert node_ids(renamed) == {"renamed", "successor"} and renamed.details["effective"] == "2012-09-01"
    assert renamed.before and renamed.after and renamed.after[0].quote == "renamed from September 2012"
    assert node_ids(findings["line-added"]) == {"fresh", "top"}


def test_a_new_node_under_an_earlier_alias_is_flagged_not_counted_as_new() -> None:
    found = by_rule()
    assert found["body-same-name"] == {"fresh", "old"} and "fresh" not in found.get("body-added", set())


def test_nothing_changes_inside_one_edition_and_the_dates_must_be_in_order() -> None:
    assert "body-renamed" not in by_rule("2013", "2014")
    with pytest.raises(ValueError, match="before"):
        changes_between(editions().graph, "2013", "2012")


def test_seed_changes_compare_identities_not_names(client: TestClient) -> None:
    answer = client.get("/analysis/changes", params={"since": "2007", "until": "2012"}).json()
    assert answer["filters"]["since"] == "2007" and answer["count"] > 0
    rules: dict[str, set[str]] = {}
    for finding in answer["findings"]:
        for node in finding["nodes"]:
            rules.setdefault(node["id"], set()).add(finding["rule"])
        assert finding["details"]["since"] == "2007-12-31" and finding["details"]["until"] == "2012-12-31"
    # the Community Safety Programme Board is in the 2006 and 2007 papers: not new in 2012
    assert "body-added" not in rules.get("community-safety-programme-board", set())
    assert "body-merged" in rules["community-safety-programme-board"]
    # Leicestershire Together has its own section in 2012: it does not disappear
    assert not {"body-not-restated", "body-ended"} & rules.get("leicestershire-together", set())
    merged = next(f for f in answer["findings"] if f["rule"] == "body-merged"
                  and f["nodes"][0]["id"] == "community-safety-programme-board")
    assert merged["before"] and merged["after"]
    assert all(q["doc"].startswith(("000", "001", "002", "003")) for q in merged["before"])
    assert all(q["doc"].startswith("004") for q in merged["after"])


def test_seed_changes_without_dates_find_no_false_appearance(client: TestClient) -> None:
    answer = client.get("/analysis/changes").json()
    for finding in answer["findings"]:
        ids = {n["id"] for n in finding["nodes"]}
        if finding["rule"] == "body-appeared":
            assert "community-safety-programme-board" not in ids
        if finding["rule"] == "body-disappeared":
            assert "leicestershire-together" not in ids


def test_bad_change_dates_are_a_422(client: TestClient) -> None:
    assert client.get("/analysis/changes", params={"since": "2013", "until": "2012"}).status_code == 422
    assert client.get("/analysis/changes", params={"since": "last year"}).status_code == 422
