"""How a chair is held: rotating between bodies or offices, or independent (also for a counted plural)."""
from __future__ import annotations

from pathlib import Path

from graph.model import Facts
from tests.loaders.rules.helpers import extract


def chairs(facts: Facts, basis: str) -> set[tuple[str, str]]:
    return {(facts.nodes[r.start].name, facts.nodes[r.end].name) for r in facts.relationships.values()
            if r.type == "CHAIRED_BY" and r.properties.get("basis") == basis}


def test_the_chair_rotates_between_the_bodies_listed(tmp_path: Path) -> None:
    facts = extract("Northfield Road Safety Group\n\nThe Northfield Road Safety Group meets quarterly. The chairmanship "
                    "rotates annually between Westbury Borough Council, Eastbury Borough Council and Northshire Fire "
                    "and Rescue Service.\n", tmp_path)
    assert chairs(facts, "rotating") == {
        ("Northfield Road Safety Group", "Westbury Borough Council"),
        ("Northfield Road Safety Group", "Eastbury Borough Council"),
        ("Northfield Road Safety Group", "Northshire Fire and Rescue Service")}


def test_chaired_on_a_rotating_basis_by_offices(tmp_path: Path) -> None:
    facts = extract("The Westbury Hate Crime Forum is chaired on a rotating basis by the Chief Constable and the "
                    "Chief Executive.\n", tmp_path)
    assert chairs(facts, "rotating") == {("Westbury Hate Crime Forum", "Chief Constable"),
                                         ("Westbury Hate Crime Forum", "Chief Executive")}


def test_the_role_of_the_chair_of_a_named_body_rotates_and_the_police_is_the_places_police(tmp_path: Path) -> None:
    facts = extract("Eastbury Police works across the district.\n\nThe role of the Chair of the Eastbury Licensing Group "
                    "is rotated amongst Eastbury Borough Council and the Police.\n", tmp_path)
    assert chairs(facts, "rotating") == {("Eastbury Licensing Group", "Eastbury Borough Council"),
                                         ("Eastbury Licensing Group", "Eastbury Police")}


def test_one_body_is_no_rotation(tmp_path: Path) -> None:
    facts = extract("The Westbury Youth Board's chair rotates between Westbury Borough Council officers.\n", tmp_path)
    assert chairs(facts, "rotating") == set()


def test_an_independent_chair_of_a_named_body_or_a_pronoun(tmp_path: Path) -> None:
    facts = extract("The Northshire Safeguarding Adults Board has an independent chairperson.\n\nWestbury Children's "
                    "Trust Board\n\nThe Westbury Children's Trust Board meets monthly. It is independently chaired.\n",
                    tmp_path)
    assert chairs(facts, "independent") == {("Northshire Safeguarding Adults Board", "Independent Chair"),
                                            ("Westbury Children's Trust Board", "Independent Chair")}


def test_both_boards_have_an_independent_chair_but_a_requirement_is_no_fact(tmp_path: Path) -> None:
    facts = extract("Westbury runs a Youth Justice Board and Eastbury runs an Adult Review Board. Both Boards have an "
                    "independent Chair.\n\nEvery Community Safety Partnership must have an independent chair.\n", tmp_path)
    assert chairs(facts, "independent") == {("Youth Justice Board", "Independent Chair"),
                                            ("Adult Review Board", "Independent Chair")}


def test_a_negated_independent_chair_gives_nothing(tmp_path: Path) -> None:
    facts = extract("The Westbury Housing Panel does not have an independent chair.\n", tmp_path)
    assert chairs(facts, "independent") == set()


def test_i_am_the_independent_chair_of_both_boards(tmp_path: Path) -> None:
    facts = extract("I am the Independent Chair of both the Eastbury Children's Board and the Eastbury Adults Board. "
                    "It is a busy role.\n", tmp_path)
    assert chairs(facts, "independent") == {("Eastbury Children's Board", "Independent Chair"),
                                            ("Eastbury Adults Board", "Independent Chair")}


def test_a_named_independent_chair_keeps_the_holder_and_gets_the_basis(tmp_path: Path) -> None:
    facts = extract("Dr Anna Field is the Independent Chair of the Westbury Safeguarding Adults Board.\n", tmp_path)
    lines = [r for r in facts.relationships.values() if r.type == "CHAIRED_BY"]
    assert [(facts.nodes[r.end].properties.get("holder"), r.properties.get("basis")) for r in lines] == [
        ("Dr Anna Field", "independent")]
