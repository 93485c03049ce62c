"""The parts of a structure listed under an intro (loaders/rules/parts.py)."""
from __future__ import annotations

from pathlib import Path

from tests.loaders.rules.helpers import extract, lines


def test_groups_under_a_structure_intro_are_parts_of_its_body(tmp_path: Path) -> None:
    facts = extract("Westmere Community Safety Partnership\n\n"
                    "The Westmere Community Safety Partnership consists of:\n\n"
                    "- The Westmere Strategic Board \u2013 made up of the responsible authorities\n"
                    "- Local delivery through its Neighbourhood Action Groups\n"
                    "- Victims forum which meets quarterly\n", tmp_path)
    whole = "Westmere Community Safety Partnership"
    assert lines(facts, "PART_OF") == {("Westmere Strategic Board", whole), ("Neighbourhood Action Group", whole),
                                       ("Victims forum", whole)}
    assert not [line for line in lines(facts, "MEMBER_OF") if line[1] == whole]


def test_a_bare_board_of_a_structure_is_the_bodys_board(tmp_path: Path) -> None:
    facts = extract("The Northshire Partnership is the county's strategic partnership. This partnership is organised "
                    "in the following way:\n\n- The Board (made up of elected members)\n"
                    "- The Executive (chief officers) manages delivery.\n", tmp_path)
    assert lines(facts, "PART_OF") == {("Northshire Partnership Board", "Northshire Partnership"),
                                       ("Northshire Partnership Executive", "Northshire Partnership")}


def test_agencies_under_the_same_intro_stay_members(tmp_path: Path) -> None:
    facts = extract("The Westmere Community Safety Partnership consists of:\n\n"
                    "- Westmere Borough Council\n- Northshire Police\n- Northshire Fire and Rescue Service\n", tmp_path)
    assert lines(facts, "PART_OF") == set()
    assert ("Westmere Borough Council", "Westmere Community Safety Partnership") in lines(facts, "MEMBER_OF")


def test_a_list_that_states_its_own_line_is_left_to_that_line(tmp_path: Path) -> None:
    facts = extract("Groups currently reporting to the Westmere Community Safety Partnership are:\n\n"
                    "- Westmere Youth Group\n- Westmere Housing Forum\n", tmp_path)
    assert lines(facts, "PART_OF") == set()
    assert ("Westmere Youth Group", "Westmere Community Safety Partnership") in lines(facts, "REPORTS_TO")


def test_this_partnership_never_stands_for_a_body_of_another_kind(tmp_path: Path) -> None:
    facts = extract("The Westmere Police work across the county. This partnership is organised in the following "
                    "way:\n\n- The Board (made up of elected members)\n- The Executive (chief officers)\n", tmp_path)
    assert not [line for line in lines(facts, "PART_OF") if "Police" in line[1]]
