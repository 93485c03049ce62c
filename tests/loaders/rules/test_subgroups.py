"""Sub-groups listed in a sentence or under an intro."""
from __future__ import annotations

from pathlib import Path

from tests.loaders.rules.helpers import extract, lines


def test_subgroups_after_a_colon_in_a_sentence(tmp_path: Path) -> None:
    facts = extract("The Northshire Safeguarding Adults Board has two sub groups: Pathways and Partnerships, "
                    "and Quality Audit.\n", tmp_path)
    assert lines(facts, "SUBGROUP_OF") == {("Pathways and Partnerships", "Northshire Safeguarding Adults Board"),
                                          ("Quality Audit", "Northshire Safeguarding Adults Board")}


def test_subgroups_in_a_list_lose_their_descriptions(tmp_path: Path) -> None:
    facts = extract("Northshire Safeguarding Adults Board\n\nThe sub-groups are:\n\n"
                    "- Quality Assurance \u2013 provides a strategic overview\n- Workforce Development\n", tmp_path)
    assert lines(facts, "SUBGROUP_OF") == {("Quality Assurance", "Northshire Safeguarding Adults Board"),
                                          ("Workforce Development", "Northshire Safeguarding Adults Board")}
