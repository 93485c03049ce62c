"""Gap rules on hand-made landscapes with known answers, including none-found cases."""
from __future__ import annotations

import pytest

from graph.analysis import gaps
from tests.analysis.build import Landscape_, node_ids


def shire() -> Landscape_:
    return (Landscape_().area("area-llr", "force-area").area("area-shire", "county", "area-llr")
            .area("area-north", "district", "area-shire").area("area-city", "city", "area-llr"))


# --- themes with no money --------------------------------------------------------------------------------


def test_a_priority_theme_with_no_allocation_is_reported() -> None:
    land = Landscape_().body("a").body("b").body("c").priority("a", "road-safety").priority("b", "road-safety")
    land.priority("c", "road-safety")
    (finding,) = gaps.unfunded_themes(land.view())
    assert finding.themes == ["theme-road-safety"]
    assert node_ids(finding) == {"theme-road-safety", "a", "b", "c"}
    assert finding.severity == "medium"
    assert finding.explanation == "Road safety is a priority of 3 bodies or areas, but no recorded allocation of money is for it."
    assert len(finding.evidence) == 3


def test_a_funded_theme_is_not_reported() -> None:
    land = Landscape_().body("a").priority("a", "road-safety").node("alloc", "Allocation", amount_gbp=10)
    land.edge("alloc", "theme-road-safety", "FOR")
    assert gaps.unfunded_themes(land.view()) == []


def test_a_proposed_priority_is_not_a_priority() -> None:
    land = Landscape_().body("a").priority("a", "road-safety")
    land.graph.nodes["priority-a-road-safety"]["status"] = "proposed"
    assert gaps.unfunded_themes(land.view()) == []


# --- area-wide priorities missing from a district partnership --------------------------------------------


def test_a_district_partnership_without_the_county_domestic_abuse_priority_is_reported() -> None:
    land = shire().priority("area-shire", "domestic-abuse", "re-offending").priority("area-llr", "alcohol")
    land.body("csp", "partnership", covers="area-north").priority("csp", "re-offending")
    found = sorted(gaps.missing_area_priorities(land.view()), key=lambda f: str(f.details["wider_area"]))
    assert [f.details["wider_area"] for f in found] == ["area-llr", "area-shire"]
    llr, county = found
    assert county.themes == ["theme-domestic-abuse"] and llr.themes == ["theme-alcohol"]
    assert county.explanation == ("Domestic abuse is a priority for area-shire as a whole, but it is not among the "
                                  "priorities of csp, which covers area-north.")
    assert county.evidence[0].quote == "quote about priority-area-shire-domestic-abuse"


@pytest.mark.parametrize("case", ["has-it", "not-a-district", "a-group", "sub-board", "city-is-not-a-parent"])
def test_no_missing_area_priority(case: str) -> None:
    land = shire().priority("area-shire", "domestic-abuse")
    if case == "city-is-not-a-parent":
        # `within` naming a city is a naming accident: a district is never inside a city.
        land.graph.nodes["area-north"]["within"] = ["area-city"]
        land.graph.remove_edge("area-north", "area-shire")
        land.priority("area-city", "domestic-abuse")
    kind = "group" if case == "a-group" else "partnership"
    land.body("csp", kind, covers="area-shire" if case == "not-a-district" else "area-north")
    land.priority("csp", "domestic-abuse" if case == "has-it" else "re-offending")
    if case == "sub-board":
        land.body("parent", "partnership", covers="area-north").priority("parent", "domestic-abuse")
        land.graph.nodes["csp"]["kind"] = "board"
        land.edge("csp", "parent", "REPORTS_TO", status="current")
    assert gaps.missing_area_priorities(land.view()) == []


# --- no upward accountability ----------------------------------------------------------------------------


def test_a_group_with_no_line_up_or_down_is_reported() -> None:
    land = Landscape_().body("lonely", "group")
    (finding,) = gaps.no_upward_line(land.view())
    assert node_ids(finding) == {"lonely"} and finding.severity == "medium"


@pytest.mark.parametrize("case", ["reports", "heads-a-structure", "an-agency", "merged-away", "took-over", "oversees"])
def test_no_missing_upward_line(case: str) -> None:
    land = Landscape_().body("x", "agency" if case == "an-agency" else "group").body("top", "agency")
    if case == "reports":
        land.edge("x", "top", "REPORTS_TO", status="current")
    elif case == "heads-a-structure":
        land.body("sub", "agency").edge("sub", "x", "SUBGROUP_OF", status="current")
    elif case == "merged-away":
        land.edge("x", "top", "MERGED_INTO", status="current", valid_from="2012-09")
    elif case == "took-over":
        land.body("old", "agency", status="merged").edge("old", "x", "MERGED_INTO", status="current")
    elif case == "oversees":
        land.body("sub", "agency").edge("x", "sub", "OVERSEES", status="current")
    assert gaps.no_upward_line(land.view()) == []


# --- stale lines after a merger --------------------------------------------------------------------------


def merger() -> Landscape_:
    return (Landscape_().body("rrpb").body("cspb").body("spb")
            .edge("rrpb", "cspb", "REPORTS_TO", status="current")
            .edge("cspb", "spb", "MERGED_INTO", status="current", valid_from="2012-09"))


def test_a_line_to_a_merged_board_is_stale() -> None:
    (finding,) = gaps.stale_lines(merger().view())
    assert [n.id for n in finding.nodes] == ["rrpb", "cspb", "spb"]
    assert finding.explanation == ("Rrpb still has a line (REPORTS_TO) to cspb, which merged into spb from 2012-09.")
    assert finding.severity == "high"
    assert {q.quote for q in finding.evidence} == {"quote about rrpb REPORTS_TO cspb", "quote about cspb MERGED_INTO spb"}


def test_no_stale_line_before_the_merger_nor_from_the_merger_itself() -> None:
    assert gaps.stale_lines(merger().view(as_of="2012-08")) == []
    land = Landscape_().body("cspb").body("spb").edge("cspb", "spb", "MERGED_INTO", status="current", valid_from="2012-09")
    assert gaps.stale_lines(land.view()) == []


def test_a_merged_status_waits_for_the_date_of_its_merger() -> None:
    land = merger()
    land.graph.nodes["cspb"]["status"] = "merged"
    assert gaps.stale_lines(land.view(as_of="2012-08")) == []
    assert len(gaps.stale_lines(land.view(as_of="2012-09"))) == 1


def test_a_line_to_a_closed_body_is_stale() -> None:
    land = Landscape_().body("g").body("old", status="closed").edge("g", "old", "ACCOUNTABLE_TO", status="current")
    (finding,) = gaps.stale_lines(land.view())
    assert "which closed" in finding.explanation


# --- money with no accountable body ----------------------------------------------------------------------


def money(**links: str) -> Landscape_:
    land = Landscape_().node("alloc", "Allocation", amount_gbp=33690, purpose="Outreach", period="2012-13",
                             row_kind=links.pop("row_kind", "item"))
    land.node("stream", "FundingStream").edge("alloc", "stream", "FROM_STREAM").area("area-north", "district")
    land.edge("alloc", "area-north", "ALLOCATED_TO")
    for rel_type, target in links.items():
        if target not in land.graph:
            land.body(target)
        land.edge("alloc" if rel_type != "OVERSEES" else target, "stream" if rel_type == "OVERSEES" else target, rel_type)
    return land


def test_money_with_no_body_is_reported() -> None:
    (finding,) = gaps.unaccountable_money(money().view())
    assert finding.explanation == ("£33,690 for Outreach (2012-13) has no recorded body that allocates it, receives it "
                                   "or oversees its funding stream.")
    assert finding.areas == ["area-north"]


@pytest.mark.parametrize("links", [{"ALLOCATED_BY": "council"}, {"ALLOCATED_TO": "csp"}, {"OVERSEES": "board"},
                                   {"row_kind": "subtotal"}])
def test_money_with_a_body_is_not_reported(links: dict[str, str]) -> None:
    assert gaps.unaccountable_money(money(**links).view()) == []


# --- no chair or members, cycles -------------------------------------------------------------------------


def test_a_board_with_no_chair_or_members_is_reported_and_one_with_either_is_not() -> None:
    land = (Landscape_().body("empty").body("chaired").body("joined").body("agency", "agency")
            .node("role-chair", "Role").edge("chaired", "role-chair", "CHAIRED_BY", status="current")
            .edge("agency", "joined", "MEMBER_OF", status="current"))
    assert [node_ids(f) for f in gaps.no_chair_or_members(land.view())] == [{"empty"}]


def test_a_cycle_of_accountability_is_reported_once_and_a_tree_is_not() -> None:
    land = (Landscape_().body("a").body("b").body("c").body("d")
            .edge("a", "b", "REPORTS_TO").edge("b", "c", "ACCOUNTABLE_TO").edge("c", "a", "PART_OF")
            .edge("d", "a", "REPORTS_TO"))
    (finding,) = gaps.accountability_cycles(land.view())
    assert node_ids(finding) == {"a", "b", "c"}
    cycle = finding.details["cycle"]
    assert isinstance(cycle, list) and len(cycle) == 4 and cycle[0] == cycle[-1] and set(cycle) == {"a", "b", "c"}
    assert finding.severity == "high"
    land.graph.remove_edge("c", "a")
    assert gaps.accountability_cycles(land.view()) == []
