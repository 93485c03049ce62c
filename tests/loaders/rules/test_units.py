"""A unit named with its body is part of it."""
from __future__ import annotations

from pathlib import Path

from tests.loaders.rules.helpers import extract, lines


def test_a_unit_at_or_of_a_council_is_part_of_it(tmp_path: Path) -> None:
    facts = extract("The plan was written by the Community Safety Team at Eastbury Borough Council and the "
                    "Westbury County Council's Cabinet agreed it.\n", tmp_path)
    # A generic unit name is qualified by its place (loaders.places), so two districts' teams stay two bodies.
    assert ("Eastbury Community Safety Team", "Eastbury Borough Council") in lines(facts, "PART_OF")
    assert ("Cabinet", "Westbury County Council") in lines(facts, "PART_OF")


def test_an_office_named_after_a_unit_is_no_unit(tmp_path: Path) -> None:
    facts = extract("Chaired by the Westbury County Council's Cabinet Lead Member for Safety, the Board meets monthly.\n",
                    tmp_path)
    assert not [line for line in lines(facts, "PART_OF") if line[0] == "Cabinet"]


def test_a_unit_must_be_named_as_written(tmp_path: Path) -> None:
    # "the Office" stands for the Home Office named before: it is not a unit of the commissioner
    facts = extract("The Home Office gives the grant. The Office of the Westbury Police and Crime Commissioner "
                    "oversees it.\n", tmp_path)
    assert not [line for line in lines(facts, "PART_OF") if line[0] == "Home Office"]


def test_a_list_item_with_its_parts_in_brackets(tmp_path: Path) -> None:
    facts = extract("The responsible authorities are:\n\n- Police\n"
                    "- Probation Services (National Probation Service, Westbury Rehabilitation Company)\n"
                    "- Protecting Vulnerable Children (Child Abuse, Child Exploitation)\n", tmp_path)
    found = lines(facts, "PART_OF")
    assert ("National Probation Service", "Probation Services") in found
    assert ("Westbury Rehabilitation Company", "Probation Services") in found
    assert not [line for line in found if line[1] == "Protecting Vulnerable Children"]


def test_a_unit_with_its_council_after_a_comma_ends_the_line(tmp_path: Path) -> None:
    facts = extract("Report author: Safety Officer, Communities Team, Westbury City Council\n\n"
                    "The Housing Team, Westbury City Council and the Police met in May.\n", tmp_path)
    found = lines(facts, "PART_OF")
    assert ("Communities Team", "Westbury City Council") in found
    assert not [line for line in found if "Housing Team" in line[0]]


def test_a_unit_head_may_be_written_in_lower_case_after_a_possessive(tmp_path: Path) -> None:
    facts = extract("Support comes from the Westbury City Council's Policy, Partnerships and Communications "
                    "service.\n", tmp_path)
    assert ("Policy, Partnerships and Communications service", "Westbury City Council") in lines(facts, "PART_OF")


def test_agencies_listed_with_commas_are_no_units(tmp_path: Path) -> None:
    facts = extract("The partnership includes Westbury City Council, Westbury Fire and Rescue Service, Westbury "
                    "Constabulary, the Westbury Housing Trust and the Probation Service.\n", tmp_path)
    assert lines(facts, "PART_OF") == set()
