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
