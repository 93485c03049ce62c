"""Structure measures and changes over time on hand-made landscapes."""
from __future__ import annotations

from graph.analysis import changes, structure
from tests.analysis.build import Landscape_, node_ids


def test_the_body_joining_two_halves_is_the_top_broker() -> None:
    land = Landscape_()
    for body in ("left-1", "left-2", "hub", "right-1", "right-2"):
        land.body(body)
    land.edge("left-1", "hub", "REPORTS_TO").edge("left-2", "hub", "REPORTS_TO")
    land.edge("hub", "right-1", "REPORTS_TO").edge("right-2", "right-1", "REPORTS_TO")
    found = structure.brokers(land.view())
    assert found[0].nodes[0].id == "hub"
    assert found[0].score is not None and found[0].score > found[1].score  # type: ignore[operator]
    # Sampled betweenness (used for large networks) ranks the same hub first on this graph.
    assert structure.brokers(land.view(), samples=5)[0].nodes[0].id == "hub"


def test_no_brokers_in_a_graph_without_lines() -> None:
    assert structure.brokers(Landscape_().body("a").body("b").view()) == []


def test_agencies_with_most_seats_ranked_and_single_seats_left_out() -> None:
    land = Landscape_().body("police", "agency").body("fire", "agency").body("b1").body("b2").body("b3")
    for board in ("b1", "b2", "b3"):
        land.edge("police", board, "MEMBER_OF")
    land.edge("fire", "b1", "MEMBER_OF")
    (finding,) = structure.seat_holders(land.view())
    assert finding.nodes[0].id == "police" and finding.score == 3.0
    assert "sits on 3 boards or groups" in finding.explanation


def test_chain_depth_follows_the_longest_chain_and_tolerates_cycles() -> None:
    land = Landscape_()
    for body in ("team", "group", "board", "top", "x", "y"):
        land.body(body)
    land.edge("team", "group", "REPORTS_TO").edge("group", "board", "SUBGROUP_OF").edge("board", "top", "ACCOUNTABLE_TO")
    land.edge("x", "y", "REPORTS_TO").edge("y", "x", "REPORTS_TO")
    depths = structure.chain_depths(land.view())
    assert depths["team"] == (3, ["team", "group", "board", "top"])
    assert depths["top"][0] == 0
    (finding,) = structure.deepest_chains(land.view())
    assert finding.details["chain"] == ["team", "group", "board", "top"]
    assert len(finding.evidence) == 3


def test_no_chain_findings_for_shallow_chains() -> None:
    land = Landscape_().body("a").body("b").edge("a", "b", "REPORTS_TO")
    assert structure.deepest_chains(land.view()) == []


def documents(land: Landscape_) -> Landscape_:
    land.node("doc-early", "Document", date="2007-03").node("doc-late", "Document", date="2012-08")
    return land


def test_bodies_appearing_and_disappearing_between_the_earlier_and_the_latest_documents() -> None:
    land = documents(Landscape_()).body("old-board").body("new-board").body("both-board").body("agency", "agency")
    land.edge("doc-early", "old-board", "MENTIONS").edge("doc-late", "new-board", "MENTIONS")
    land.edge("doc-early", "both-board", "MENTIONS").edge("doc-late", "both-board", "MENTIONS")
    land.edge("doc-late", "agency", "MENTIONS")  # agencies are not the partnership landscape
    found = {f.rule: f for f in changes.body_changes(land.view())}
    assert set(found) == {"body-appeared", "body-disappeared"}
    assert node_ids(found["body-appeared"]) == {"new-board"}
    assert node_ids(found["body-disappeared"]) == {"old-board"}
    assert "mentioned in the 2007 documents but not in the 2012 ones" in found["body-disappeared"].explanation


def test_no_changes_with_one_period_of_documents() -> None:
    land = Landscape_().node("doc-late", "Document", date="2012-08").body("b").edge("doc-late", "b", "MENTIONS")
    assert changes.body_changes(land.view()) == []


def test_mergers_and_renames_are_listed_with_dates_and_status() -> None:
    land = (Landscape_().body("cspb", name="CSPB").body("lcjb", name="LCJB").body("spb", name="SPB")
            .body("cdrp", name="CDRP").body("csp", name="CSP")
            .edge("cspb", "spb", "MERGED_INTO", status="current", valid_from="2012-09")
            .edge("lcjb", "spb", "MERGED_INTO", status="current", valid_from="2012-09")
            .edge("cdrp", "csp", "SUCCEEDED_BY", status="current"))
    found = {f.rule: f for f in changes.mergers_and_renames(land.view())}
    assert found["merged"].explanation == "CSPB and LCJB merged into SPB from 2012-09."
    assert found["renamed"].explanation == "CDRP was succeeded by CSP."
