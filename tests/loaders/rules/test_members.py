"""Members in sentences and in lists, owned by the intro's body or the section's."""
from __future__ import annotations

from pathlib import Path

from tests.loaders.rules.helpers import extract, lines


def test_members_in_a_sentence_split_on_commas_and_and(tmp_path: Path) -> None:
    facts = extract("The Eastbury Safer Partnership is made up of Eastbury Borough Council, the police, "
                    "Northshire Fire and Rescue Service and housing providers.\n", tmp_path)
    members = {start for start, end in lines(facts, "MEMBER_OF") if end == "Eastbury Safer Partnership"}
    # "the police" is a generic name: identity by place (loaders.places) qualifies it with the document's force area.
    assert members == {"Eastbury Borough Council", "Northshire Police", "Northshire Fire and Rescue Service",
                       "housing providers"}


def test_a_member_list_under_an_intro(tmp_path: Path) -> None:
    facts = extract("Westbury Community Safety Partnership\n\nThe membership of the partnership includes:\n\n"
                    "\u2022 Westbury Council\n\u2022 Northshire Police\n\u2022 Victim Support\n", tmp_path)
    members = {start for start, end in lines(facts, "MEMBER_OF")}
    assert members == {"Westbury Council", "Northshire Police", "Victim Support"}


def test_a_member_list_under_a_membership_heading(tmp_path: Path) -> None:
    facts = extract("Westbury Community Safety Partnership\n\nThe partnership meets monthly.\n\nMembership\n\n"
                    "- Westbury Council\n- Probation\n", tmp_path)
    assert ("Westbury Council", "Westbury Community Safety Partnership") in lines(facts, "MEMBER_OF")


def test_a_category_is_not_a_member(tmp_path: Path) -> None:
    facts = extract("The Eastbury Safer Partnership brings together a range of partner agencies and "
                    "Eastbury Borough Council.\n", tmp_path)
    assert {start for start, _ in lines(facts, "MEMBER_OF")} == {"Eastbury Borough Council"}


def test_a_member_list_without_an_owner_is_a_finding(tmp_path: Path) -> None:
    facts = extract("Membership includes:\n\n- Westbury Council\n- Probation\n", tmp_path)
    assert [f.rule for f in facts.findings] == ["list-without-owner"]
    assert lines(facts, "MEMBER_OF") == set()
