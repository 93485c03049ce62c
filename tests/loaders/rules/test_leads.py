"""Leaders named as persons: "X, leader of Y Council", "X is the Leader of Y", "Lead Officer - X"."""
from __future__ import annotations

from pathlib import Path

from graph.model import Facts
from tests.loaders.rules.helpers import extract, lines


def led_by_holders(facts: Facts) -> set[tuple[str, str, str]]:
    return {(facts.nodes[r.start].name, facts.nodes[r.end].name, str(facts.nodes[r.end].properties.get("holder")))
            for r in facts.relationships.values() if r.type == "LED_BY"}


def test_leader_of_a_council_after_another_office(tmp_path: Path) -> None:
    facts = extract("Coun Tom Reed, chair of the partnership and leader of Westbury Borough Council, spoke first. "
                    "Ann Lee is the Deputy Leader of Westbury Borough Council.\n", tmp_path)
    assert led_by_holders(facts) == {("Westbury Borough Council", "Leader of Westbury Borough Council", "Coun Tom Reed")}


def test_one_persons_two_offices_stay_two_offices(tmp_path: Path) -> None:
    facts = extract("Westbury Safer Partnership\n\nCoun Tom Reed, chair of the partnership and leader of Westbury "
                    "Borough Council, spoke.\n", tmp_path)
    assert ("Westbury Borough Council", "Leader of Westbury Borough Council") in lines(facts, "LED_BY")
    assert ("Westbury Safer Partnership", "Leader of Westbury Borough Council") not in lines(facts, "CHAIRED_BY")


def test_a_lead_officer_label_names_a_person_only(tmp_path: Path) -> None:
    facts = extract("Westbury Safer Partnership\n\nLead Officer - Jane Smith\n\nEastbury Safer Partnership\n\n"
                    "Lead member: Cabinet Member for Communities\n", tmp_path)
    assert led_by_holders(facts) == {
        ("Westbury Safer Partnership", "Lead Officer of the Westbury Safer Partnership", "Jane Smith")}
