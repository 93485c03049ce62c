"""graph.time: days from partial dates, the one window a fact holds in, and the stamps written at load (no database)."""
from __future__ import annotations

from datetime import date

import pytest

from graph.model import Evidence, Facts, Node, Relationship
from graph.time import as_of_day, first_day, holds, in_period, last_day, stamp, stated_by

EV_2006 = Evidence(doc="a", start=0, end=1, quote="x", method="test")
EV_2012 = Evidence(doc="b", start=0, end=1, quote="y", method="test")


def test_a_partial_as_of_stands_for_its_last_day_and_a_partial_fact_date_for_its_first() -> None:
    assert as_of_day("2007") == "2007-12-31"
    assert as_of_day("2012-02") == "2012-02-29"
    assert as_of_day("2012-08-15") == "2012-08-15"
    assert as_of_day(None) == date.today().isoformat()
    assert first_day("2007-03") == "2007-03-01" and first_day("2006") == "2006-01-01"
    assert last_day("2011-11") == "2011-11-30"
    with pytest.raises(ValueError, match="ISO date"):
        as_of_day("last year")


def test_a_document_of_a_month_is_inside_that_month_and_its_year() -> None:
    stated_in_august = {"holds_from": first_day("2012-08")}
    assert holds(stated_in_august, as_of_day("2012-08"))
    assert not holds(stated_in_august, as_of_day("2012-07"))
    assert holds({"holds_from": first_day("2007-07-02")}, as_of_day("2007"))
    assert holds({"holds_from": first_day("2007-03")}, as_of_day("2007"))


def test_intentions_are_stated_but_never_hold() -> None:
    planned = {"holds_from": "2012-08-01", "intention": True, "status": "planned"}
    assert stated_by(planned, "2012-09-30") and not holds(planned, "2012-09-30")
    assert not stated_by(planned, "2012-07-31")


def test_an_unstamped_fact_falls_back_on_its_own_dates() -> None:
    assert holds({"valid_from": "2012-09"}, "2012-09-01") and not holds({"valid_from": "2012-09"}, "2012-08-31")
    assert not holds({"valid_to": "2012-09"}, "2012-09-01") and holds({}, "1900-01-01")


def test_periods_contain_the_last_day_of_a_partial_as_of() -> None:
    assert in_period("2012-13", "2012") and in_period("2012-13", "2013-03")
    assert not in_period("2011-12", "2012") and in_period("2011-12", "2012-03")
    assert in_period("2011-10/2013-03", "2013-03") and not in_period("2011-10/2013-03", "2013-04")
    assert in_period(None, "2001") and in_period("2012-13", None)


def facts() -> Facts:
    found = Facts()
    for doc, day in (("a", "2006-01-18"), ("b", "2012-08")):
        found.add_node(Node(id=f"doc-{doc}", label="Document", name=doc, properties={"date": day},
                            evidence=[EV_2006 if doc == "a" else EV_2012]))
    for body, ev in (("old-board", [EV_2012]), ("new-board", [EV_2012]), ("group", [EV_2006]), ("top", [EV_2006])):
        found.add_node(Node(id=body, label="Body", name=body, properties={"kind": "board"}, evidence=ev))
    found.add_relationship(Relationship(type="REPORTS_TO", start="group", end="old-board",
                                        properties={"status": "current"}, evidence=[EV_2006]))
    found.add_relationship(Relationship(type="REPORTS_TO", start="old-board", end="top",
                                        properties={"status": "current"}, evidence=[EV_2012]))
    found.add_relationship(Relationship(type="MEMBER_OF", start="top", end="old-board",
                                        properties={"status": "current"}, evidence=[EV_2012]))
    found.add_relationship(Relationship(type="MERGED_INTO", start="old-board", end="new-board",
                                        properties={"status": "current", "valid_from": "2012-09"}, evidence=[EV_2012]))
    found.add_relationship(Relationship(type="SUBGROUP_OF", start="group", end="new-board",
                                        properties={"status": "planned", "valid_from": "2012-09"}, evidence=[EV_2012]))
    return found


def test_stamp_dates_a_fact_by_its_earliest_document_and_a_body_by_any_fact_about_it() -> None:
    stamped = facts()
    stamp(stamped)
    line = stamped.relationships["REPORTS_TO:group->old-board"].properties
    assert line["holds_from"] == "2006-01-18" and line["holds_doc"] == "a" and line["intention"] is False
    # the old board's own evidence is of 2012, but a 2006 line names it: it is attested from 2006
    assert stamped.nodes["old-board"].properties["holds_from"] == "2006-01-18"


def test_stamp_ends_a_merged_body_and_its_own_lines_but_not_the_lines_into_it() -> None:
    stamped = facts()
    stamp(stamped)
    assert stamped.nodes["old-board"].properties["holds_to"] == "2012-09-01"
    assert stamped.relationships["REPORTS_TO:old-board->top"].properties["holds_to"] == "2012-09-01"
    assert stamped.relationships["MEMBER_OF:top->old-board"].properties["holds_to"] == "2012-09-01"
    assert "holds_to" not in stamped.relationships["REPORTS_TO:group->old-board"].properties
    merger = stamped.relationships["MERGED_INTO:old-board->new-board"].properties
    assert merger["holds_from"] == "2012-09-01" and "holds_doc" not in merger and "holds_to" not in merger


def test_stamp_marks_an_intention_from_the_day_it_is_stated_and_is_idempotent() -> None:
    stamped = facts()
    stamp(stamped)
    planned = dict(stamped.relationships["SUBGROUP_OF:group->new-board"].properties)
    assert planned["intention"] is True and planned["holds_from"] == "2012-08-01"
    stamp(stamped)
    assert stamped.relationships["SUBGROUP_OF:group->new-board"].properties == planned
    stamped.validate_schema()  # the stamps are declared in graph/schema.yaml (computed)
