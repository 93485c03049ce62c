"""The landscape at a date quotes only what documents written by then say (graph.time through Landscape)."""
from __future__ import annotations

from graph.analysis import changes
from tests.analysis.build import Landscape_


def dated() -> Landscape_:
    land = Landscape_()
    land.node("doc-early", "Document", date="2007-03").node("doc-late", "Document", date="2012-08")
    land.body("board").body("group").body("successor")
    land.graph.nodes["board"]["evidence"] = [{"doc": "late", "start": 0, "end": 5, "quote": "board, said in 2012"}]
    land.graph.add_edge("group", "board", key="REPORTS_TO", type="REPORTS_TO", holds_from="2007-03-01",
                        evidence=[{"doc": "early", "start": 0, "end": 5, "quote": "group reports to board, 2007"}])
    land.graph.add_edge("board", "successor", key="MERGED_INTO", type="MERGED_INTO", status="current",
                        valid_from="2012-09", holds_from="2012-09-01",
                        evidence=[{"doc": "late", "start": 0, "end": 5, "quote": "board merges, said in 2012"}])
    return land


def test_a_body_is_quoted_from_the_documents_of_its_date() -> None:
    land = dated()
    assert [e["quote"] for e in land.view("2007").evidence("board")] == ["group reports to board, 2007"]
    assert [e["quote"] for e in land.view("2012-10").evidence("board")] == ["board, said in 2012"]


def test_a_merger_stated_later_is_not_a_change_of_the_earlier_landscape() -> None:
    land = dated()
    assert changes.mergers_and_renames(land.view("2007")) == []
    assert [f.rule for f in changes.mergers_and_renames(land.view("2012-10"))] == ["merged"]
