"""Priorities: lists under a priority intro, titled paragraphs, and one priority stated in a sentence."""
from __future__ import annotations

from pathlib import Path

from graph.model import Facts
from tests.loaders.rules.helpers import extract


def priorities(facts: Facts) -> set[tuple[str, str]]:
    return {(facts.nodes[r.start].name, str(facts.nodes[r.end].properties["text"]))
            for r in facts.relationships.values() if r.type == "HAS_PRIORITY"}


def test_a_list_noted_as_a_body_s_priorities_is_not_a_list_of_members(tmp_path: Path) -> None:
    facts = extract("Members noted the priorities of the Westmere Safer Communities Partnership:-\n\n"
                    "- Reducing burglary\n\n- Tackling hate crime\n", tmp_path)
    assert priorities(facts) == {("Westmere Safer Communities Partnership", "Reducing burglary"),
                                 ("Westmere Safer Communities Partnership", "Tackling hate crime")}
    assert not [r for r in facts.relationships.values() if r.type == "MEMBER_OF"]


def test_titled_paragraphs_under_a_priority_intro(tmp_path: Path) -> None:
    facts = extract("The Eastbury Community Safety Partnership met in May. It has agreed these priorities:\n\n"
                    "Rural Crime - The Partnership will work with farmers.\n\n"
                    "Road Safety - Eastbury has many miles of lanes.\n", tmp_path)
    assert priorities(facts) == {("Eastbury Community Safety Partnership", "Rural Crime"),
                                 ("Eastbury Community Safety Partnership", "Road Safety")}


def test_a_priority_stated_in_a_sentence(tmp_path: Path) -> None:
    facts = extract("Cutting knife crime is a key priority for the Northvale Youth Justice Board.\n", tmp_path)
    assert priorities(facts) == {("Northvale Youth Justice Board", "Cutting knife crime")}
