"""Duplication rules on hand-made landscapes with known answers, including none-found cases."""
from __future__ import annotations

import pytest

from graph.analysis import duplication
from tests.analysis.build import Landscape_, node_ids


def county() -> Landscape_:
    return (Landscape_().area("area-shire", "county").area("area-north", "district", "area-shire")
            .area("area-south", "district", "area-shire").area("area-other-shire", "county")
            .area("area-far", "district", "area-other-shire"))


# --- shared priority themes --------------------------------------------------------------------------------


def test_bodies_in_one_area_sharing_themes_are_reported_with_jaccard_and_themes() -> None:
    land = (county().body("a", covers="area-north").body("b", covers="area-north")
            .priority("a", "domestic-abuse", "re-offending", "alcohol").priority("b", "domestic-abuse", "re-offending", "road-safety"))
    (finding,) = duplication.shared_themes(land.view())
    assert node_ids(finding) == {"a", "b"}
    assert finding.score == 0.5  # 2 shared of 4 in all
    assert finding.themes == ["theme-domestic-abuse", "theme-re-offending"]
    assert finding.severity == "medium"
    assert "share 2 of their 4 priority themes" in finding.explanation
    assert len(finding.evidence) == 4  # one priority quote per shared theme per body


def test_a_county_body_and_a_district_body_overlap() -> None:
    land = (county().body("county-board", covers="area-shire").body("csp", "partnership", covers="area-south")
            .priority("county-board", "domestic-abuse", "re-offending").priority("csp", "domestic-abuse", "re-offending"))
    (finding,) = duplication.shared_themes(land.view())
    assert finding.score == 1.0
    assert "overlapping areas" in finding.explanation


@pytest.mark.parametrize("case", ["different-districts", "other-county", "one-shared", "low-jaccard", "in-chain",
                                  "merged"])
def test_no_shared_theme_finding(case: str) -> None:
    land = county()
    areas = {"different-districts": ("area-north", "area-south"), "other-county": ("area-shire", "area-far")}
    a_area, b_area = areas.get(case, ("area-north", "area-north"))
    land.body("a", covers=a_area).body("b", covers=b_area)
    if case == "one-shared":
        land.priority("a", "alcohol").priority("b", "alcohol")
    elif case == "low-jaccard":
        land.priority("a", "alcohol", "re-offending", "fraud", "hate").priority("b", "alcohol", "re-offending", "road", "fire")
    else:
        land.priority("a", "alcohol", "re-offending").priority("b", "alcohol", "re-offending")
    if case == "in-chain":
        land.edge("a", "b", "REPORTS_TO", status="current")
    if case == "merged":
        land.edge("a", "b", "MERGED_INTO", status="current", valid_from="2012-09")
    assert duplication.shared_themes(land.view()) == []


# --- membership interlock --------------------------------------------------------------------------------


def interlocked(members_on_both: int, shared_theme: bool = True) -> Landscape_:
    land = county().body("board-1", covers="area-north").body("board-2", covers="area-shire")
    land.priority("board-1", "domestic-abuse").priority("board-2", "domestic-abuse" if shared_theme else "road-safety")
    for i in range(3):
        land.body(f"agency-{i}", "agency").edge(f"agency-{i}", "board-1", "MEMBER_OF")
        if i < members_on_both:
            land.edge(f"agency-{i}", "board-2", "MEMBER_OF")
    return land


def test_the_same_agencies_on_two_boards_with_a_shared_theme_are_reported() -> None:
    (finding,) = duplication.membership_interlock(interlocked(3).view())
    assert node_ids(finding) == {"board-1", "board-2", "agency-0", "agency-1", "agency-2"}
    assert finding.severity == "medium"
    assert finding.themes == ["theme-domestic-abuse"]
    assert finding.details["shared_members"] == ["agency-0", "agency-1", "agency-2"]


def test_no_interlock_with_one_shared_member_or_no_shared_theme() -> None:
    assert duplication.membership_interlock(interlocked(1).view()) == []
    assert duplication.membership_interlock(interlocked(3, shared_theme=False).view()) == []


# --- several upward lines --------------------------------------------------------------------------------


def test_a_board_reporting_to_two_boards_is_reported() -> None:
    land = (Landscape_().body("group").body("a").body("b")
            .edge("group", "a", "REPORTS_TO", status="current").edge("group", "b", "ACCOUNTABLE_TO", status="current"))
    (finding,) = duplication.several_upward_lines(land.view())
    assert [n.id for n in finding.nodes] == ["group", "a", "b"]
    assert finding.severity == "medium"
    assert len(finding.evidence) == 2


def test_lines_to_two_merged_boards_are_reported_with_the_merger() -> None:
    land = (Landscape_().body("rrpb").body("cspb").body("lcjb").body("spb")
            .edge("rrpb", "cspb", "REPORTS_TO", status="current").edge("rrpb", "lcjb", "REPORTS_TO", status="current")
            .edge("cspb", "spb", "MERGED_INTO", status="current", valid_from="2012-09")
            .edge("lcjb", "spb", "MERGED_INTO", status="current", valid_from="2012-09")
            .edge("rrpb", "spb", "SUBGROUP_OF", status="planned"))
    (finding,) = duplication.several_upward_lines(land.view())
    assert finding.severity == "high"
    assert finding.details["dissolved_targets"] == ["cspb", "lcjb"]
    assert "both have since merged into spb (from 2012-09)" in finding.explanation
    # Before the merger the two lines are still two masters, but nothing is dissolved yet.
    (earlier,) = duplication.several_upward_lines(land.view(as_of="2010"))
    assert earlier.severity == "medium" and earlier.details["dissolved_targets"] == []


@pytest.mark.parametrize("case", ["one-line", "merger-is-not-a-line", "planned", "proposed", "target-above-target",
                                  "ended"])
def test_no_several_upward_lines(case: str) -> None:
    land = Landscape_().body("group").body("a").body("b").edge("group", "a", "REPORTS_TO", status="current")
    if case == "merger-is-not-a-line":
        land.edge("group", "b", "MERGED_INTO", status="current", valid_from="2012-09")
    elif case in ("planned", "proposed"):
        land.edge("group", "b", "SUBGROUP_OF", status=case)
    elif case == "target-above-target":
        land.edge("group", "b", "REPORTS_TO", status="current").edge("a", "b", "REPORTS_TO", status="current")
    elif case == "ended":
        land.edge("group", "b", "REPORTS_TO", status="current", valid_to="2008")
    assert duplication.several_upward_lines(land.view()) == []


# --- parallel bodies -------------------------------------------------------------------------------------


def test_same_job_bodies_in_neighbouring_districts_are_one_cluster() -> None:
    land = county().area("area-west", "district", "area-shire")
    for district in ("north", "south", "west"):
        land.body(f"{district}-daf", "forum", covers=f"area-{district}", name=f"{district.capitalize()} Domestic Abuse Forum")
    land.graph.nodes["area-north"]["name"] = "North"
    land.graph.nodes["area-south"]["name"] = "South"
    land.graph.nodes["area-west"]["name"] = "West"
    (finding,) = duplication.parallel_bodies(land.view())
    assert node_ids(finding) == {"north-daf", "south-daf", "west-daf"}
    assert finding.severity == "low"
    assert "(domestic abuse)" in finding.explanation


def test_same_job_in_the_same_area_is_medium() -> None:
    land = (county().body("x", "group", covers="area-north", name="Alcohol Harm Reduction Group")
            .body("y", "group", covers="area-north", name="Alcohol Harm Reduction Steering Group"))
    (finding,) = duplication.parallel_bodies(land.view())
    assert finding.severity == "medium"


@pytest.mark.parametrize("case", ["other-county", "other-kind", "other-job", "agencies"])
def test_no_parallel_bodies(case: str) -> None:
    land = county()
    kinds = {"other-kind": ("forum", "board"), "agencies": ("agency", "agency")}.get(case, ("forum", "forum"))
    other_area = "area-far" if case == "other-county" else "area-south"
    other_name = "South Road Safety Forum" if case == "other-job" else "South Domestic Abuse Forum"
    land.body("x", kinds[0], covers="area-north", name="North Domestic Abuse Forum")
    land.body("y", kinds[1], covers=other_area, name=other_name)
    assert duplication.parallel_bodies(land.view()) == []
