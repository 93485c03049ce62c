"""Successions stated without a bracket (loaders/rules/successions.py)."""
from __future__ import annotations

from pathlib import Path

from graph.model import Facts
from tests.loaders.rules.helpers import extract, lines


def statuses(facts: Facts) -> dict[tuple[str, str], object]:
    return {(facts.nodes[r.start].name, facts.nodes[r.end].name): r.properties.get("status")
            for r in facts.relationships.values() if r.type == "SUCCEEDED_BY"}


def test_an_old_name_opening_the_sentence_is_the_subjects_former_name(tmp_path: Path) -> None:
    facts = extract("Previously known as the Westmere Crime Reduction Partnership, the Safer Westmere Partnership "
                    "meets quarterly.\n", tmp_path)
    assert lines(facts, "SUCCEEDED_BY") == {("Westmere Crime Reduction Partnership", "Safer Westmere Partnership")}


def test_its_predecessor_names_the_body_it_succeeded(tmp_path: Path) -> None:
    facts = extract("The report sets out the work of the Westmere Safety Forum and its predecessor, the Westmere "
                    "Community Safety Partnership, in 2019.\n", tmp_path)
    assert lines(facts, "SUCCEEDED_BY") == {("Westmere Community Safety Partnership", "Westmere Safety Forum")}


def test_a_body_to_replace_the_existing_one_is_its_planned_successor(tmp_path: Path) -> None:
    facts = extract("The Eastbury Safety Forum met in May. It was proposed that there would be an Eastbury Safety "
                    "Board to replace the existing Forum.\n", tmp_path)
    assert statuses(facts) == {("Eastbury Safety Forum", "Eastbury Safety Board"): "proposed"}


def test_bodies_dissolved_with_a_new_one_in_their_place(tmp_path: Path) -> None:
    facts = extract("The previous Westmere Crime Partnership and Westmere Policing Partnership were dissolved in "
                    "March 2012 and in their place a new Westmere Policing and Safety Partnership was established.\n",
                    tmp_path)
    new = "Westmere Policing and Safety Partnership"
    assert lines(facts, "SUCCEEDED_BY") == {("Westmere Crime Partnership", new), ("Westmere Policing Partnership", new)}


def test_no_succession_without_its_words(tmp_path: Path) -> None:
    facts = extract("The Westmere Safety Forum and the Westmere Youth Forum were both set up in 2010, and the "
                    "Westmere Council replaced its chair.\n", tmp_path)
    assert lines(facts, "SUCCEEDED_BY") == set()


def test_the_body_a_head_noun_stands_for_replaced_the_old_one(tmp_path: Path) -> None:
    facts = extract("Westmere Safeguarding Children Partnership\n\nThe Westmere Safeguarding Children Partnership "
                    "works across the borough. The partnership replaced the Westmere Safeguarding Children Board on "
                    "1 April 2019.\n", tmp_path)
    assert lines(facts, "SUCCEEDED_BY") == {("Westmere Safeguarding Children Board",
                                             "Westmere Safeguarding Children Partnership")}


def test_its_predecessor_after_a_name_with_a_lower_case_head(tmp_path: Path) -> None:
    facts = extract("The report sets out the progress of the Safe Westmere Communities group and its predecessor, "
                    "the Westmere Community Safety Partnership, in 2019.\n", tmp_path)
    assert lines(facts, "SUCCEEDED_BY") == {("Westmere Community Safety Partnership", "Safe Westmere Communities Group")}
