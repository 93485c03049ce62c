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


def test_a_department_in_brackets_owns_the_agency_before_it(tmp_path: Path) -> None:
    facts = extract("The Trust holds a contract with the National Offender Management Service (Ministry of Justice).\n",
                    tmp_path)
    assert ("National Offender Management Service", "Ministry of Justice") in lines(facts, "PART_OF")


def test_a_list_item_with_its_parts_in_brackets(tmp_path: Path) -> None:
    facts = extract("The responsible authorities are:\n\n- Police\n"
                    "- Probation Services (National Probation Service, Westbury Rehabilitation Company)\n"
                    "- Protecting Vulnerable Children (Child Abuse, Child Exploitation)\n", tmp_path)
    found = lines(facts, "PART_OF")
    assert ("National Probation Service", "Probation Services") in found
    assert ("Westbury Rehabilitation Company", "Probation Services") in found
    assert not [line for line in found if line[1] == "Protecting Vulnerable Children"]
