"""The orchestrator's general features: section scope, modality and negation across the stages."""
from __future__ import annotations

from pathlib import Path

from tests.loaders.rules.helpers import extract, lines


def test_the_board_under_a_heading_is_the_heading_body(tmp_path: Path) -> None:
    facts = extract("Northshire Safer Communities Board\n\nThe Board reports to the Northshire Leaders Forum.\n\n"
                    "Eastbury Community Safety Partnership\n\nThe Partnership reports to the Eastbury Borough Council.\n",
                    tmp_path)
    assert lines(facts, "REPORTS_TO") == {
        ("Northshire Safer Communities Board", "Northshire Leaders Forum"),
        ("Eastbury Community Safety Partnership", "Eastbury Borough Council")}


def test_intended_and_proposed_lines_are_not_current(tmp_path: Path) -> None:
    facts = extract("It is intended that the Northshire Youth Group will report to the Northshire Justice Board.\n\n"
                    "It is proposed that the Eastbury Hate Crime Panel reports to the Northshire Justice Board.\n",
                    tmp_path)
    status = {facts.nodes[r.start].name: r.properties["status"] for r in facts.relationships.values()
              if r.type == "REPORTS_TO"}
    assert status == {"Northshire Youth Group": "planned", "Eastbury Hate Crime Panel": "proposed"}


def test_a_denied_line_is_no_fact(tmp_path: Path) -> None:
    facts = extract("The Northshire Youth Group does not report to the Northshire Justice Board. It is not a "
                    "sub-group of the Eastbury Safer Partnership.\n", tmp_path)
    assert lines(facts, "REPORTS_TO") == set() and lines(facts, "SUBGROUP_OF") == set()


def test_a_merger_of_two_bodies_merges_both_into_the_new_one(tmp_path: Path) -> None:
    facts = extract("The Northshire Safer Partnership, which represented a merger of the Northshire Crime Panel and "
                    "the Eastbury Safety Group, met in May.\n", tmp_path)
    assert lines(facts, "MERGED_INTO") == {("Northshire Crime Panel", "Northshire Safer Partnership"),
                                          ("Eastbury Safety Group", "Northshire Safer Partnership")}


def test_governed_by_is_accountability(tmp_path: Path) -> None:
    facts = extract("The Northshire Joint Selection Committee is governed by the Eastbury Borough Council.\n", tmp_path)
    assert lines(facts, "ACCOUNTABLE_TO") == {("Northshire Joint Selection Committee", "Eastbury Borough Council")}


def test_a_rename_without_brackets_is_a_succession(tmp_path: Path) -> None:
    facts = extract("The report covers the Northshire Community Safety Partnership (NCSP) formerly known as Safer "
                    "Northshire.\n\nThe Eastbury Council, formerly the main funder, met in May.\n", tmp_path)
    assert lines(facts, "SUCCEEDED_BY") == {("Safer Northshire", "Northshire Community Safety Partnership")}


def test_an_acronym_never_defined_stands_for_the_body_it_spells(tmp_path: Path) -> None:
    facts = extract("The Eastbury Safer Partnership Board (ESPB) meets monthly.\n\nThe Northshire Youth Justice Panel "
                    "is a partner. The ESPB reports to the NYJP.\n", tmp_path)
    assert lines(facts, "REPORTS_TO") == {("Eastbury Safer Partnership Board", "Northshire Youth Justice Panel")}


def test_a_list_item_naming_a_renamed_body_is_a_succession(tmp_path: Path) -> None:
    facts = extract("The Eastbury Safer Partnership members are:\n\n- Northshire Police\n- Thirteen (formerly Tristar "
                    "Homes Ltd)\n\nThirteen Homes (formerly the Eastbury housing team) said so.\n", tmp_path)
    assert lines(facts, "SUCCEEDED_BY") == {("Tristar Homes Ltd", "Thirteen")}


def test_priorities_whose_intro_names_nobody_go_to_the_partnership_not_an_agency_in_focus(tmp_path: Path) -> None:
    facts = extract("Eastbury Community Safety Partnership\n\n"
                    "The Eastbury Community Safety Partnership is a multi-agency group.\n\n"
                    "Community Safety Plan\n\n"
                    "The Northshire Combined Authority commissioned a survey of residents.\n\n"
                    "The result is a refreshed Community Safety Plan 2022-2025 with three priorities:\n\n"
                    "  • Reducing reoffending\n  • Tackling anti-social behaviour\n  • Supporting victims\n", tmp_path)
    owners = {owner for owner, _ in lines(facts, "HAS_PRIORITY")}
    assert owners == {"Eastbury Community Safety Partnership"}


def test_a_list_of_the_activities_that_achieve_a_priority_is_not_a_list_of_priorities(tmp_path: Path) -> None:
    facts = extract("The Eastbury Community Safety Partnership has three priorities:\n\n"
                    "  • Reducing reoffending\n  • Tackling anti-social behaviour\n  • Supporting victims\n\n"
                    "Priority 1 - Reducing reoffending achieved through activities, such as:\n\n"
                    "- removing graffiti\n- community safety patrols\n", tmp_path)
    texts = {str(facts.nodes[r.end].properties.get("text")) for r in facts.relationships.values()
             if r.type == "HAS_PRIORITY"}
    assert texts == {"Reducing reoffending", "Tackling anti-social behaviour", "Supporting victims"}


def test_an_item_about_the_list_itself_is_not_a_priority(tmp_path: Path) -> None:
    facts = extract("The Eastbury Community Safety Partnership has three priorities:\n\n"
                    "  • Reducing reoffending\n  • Road safety\n"
                    "  • The Partnership and its thematic groups are responsible for delivery against the above "
                    "priorities\n", tmp_path)
    texts = {str(facts.nodes[r.end].properties.get("text")) for r in facts.relationships.values()
             if r.type == "HAS_PRIORITY"}
    assert texts == {"Reducing reoffending", "Road safety"}
