"""Chairs and vice-chairs in their usual forms."""
from __future__ import annotations

from pathlib import Path

from graph.model import Facts
from tests.loaders.rules.helpers import extract, lines


def holders(facts: Facts, rel_type: str) -> set[tuple[str, str]]:
    """(body, person) for offices held by a named person: the Role is the office, the person its holder."""
    return {(facts.nodes[r.start].name, str(facts.nodes[r.end].properties.get("holder")))
            for r in facts.relationships.values() if r.type == rel_type and facts.nodes[r.end].properties.get("holder")}


def test_a_person_with_chair_in_brackets_chairs_the_section_body(tmp_path: Path) -> None:
    facts = extract("Northshire Partnership Board\n\nMembers present: Cllr Jane Brown (Chair) and Tom Green "
                    "(Vice-Chair) attended.\n", tmp_path)
    assert ("Northshire Partnership Board", "Cllr Jane Brown") in holders(facts, "CHAIRED_BY")
    assert ("Northshire Partnership Board", "Tom Green") in holders(facts, "VICE_CHAIRED_BY")
    assert ("Northshire Partnership Board", "Chair of the Northshire Partnership Board") in lines(facts, "CHAIRED_BY")


def test_a_label_line_names_the_chair(tmp_path: Path) -> None:
    facts = extract("Eastbury Community Safety Partnership\n\nChair: Director of Public Health\n", tmp_path)
    assert ("Eastbury Community Safety Partnership", "Director of Public Health") in lines(facts, "CHAIRED_BY")


def test_chair_of_and_elected_chair(tmp_path: Path) -> None:
    facts = extract("Coun Sam Reed, chair of the Eastbury Safer Partnership, spoke.\n\n"
                    "RESOLVED that Mr John Rivers be elected Vice-Chair of the Westbury Community Safety Partnership.\n",
                    tmp_path)
    assert ("Eastbury Safer Partnership", "Coun Sam Reed") in holders(facts, "CHAIRED_BY")
    assert ("Westbury Community Safety Partnership", "Mr John Rivers") in holders(facts, "VICE_CHAIRED_BY")


def test_chaired_by_a_role(tmp_path: Path) -> None:
    facts = extract("The Northshire Justice Board is chaired by the Chief Constable.\n", tmp_path)
    assert ("Northshire Justice Board", "Chief Constable") in lines(facts, "CHAIRED_BY")


def test_a_double_barrelled_chair_of_the_partnership_chairs_the_partnership_not_the_council(tmp_path: Path) -> None:
    facts = extract("The Eastbury Safer Partnership met in May. Coun Jane Akers-Brown, chair of the partnership and "
                    "leader of Eastbury Borough Council, opened it.\n", tmp_path)
    assert holders(facts, "CHAIRED_BY") == {("Eastbury Safer Partnership", "Coun Jane Akers-Brown")}


def test_a_coordinated_chaired_by_belongs_to_the_clauses_subject_not_the_agent_before_it(tmp_path: Path) -> None:
    facts = extract("The Westbury Safer Partnership met in May. The partnership is supported by Westbury Borough "
                    "Council and is chaired by the Chief Constable.\n\nThe Eastbury Youth Board works with Eastbury "
                    "Borough Council and is chaired by the Chief Executive.\n", tmp_path)
    assert lines(facts, "CHAIRED_BY") == {("Westbury Safer Partnership", "Chief Constable"),
                                          ("Eastbury Youth Board", "Chief Executive")}


def test_the_body_elects_a_person_as_its_chair_and_another_as_vice_chair(tmp_path: Path) -> None:
    facts = extract("Westbury Police Authority\n\nThe Authority has re-elected Peter Conn as the Chair and Linda Hale "
                    "as the Vice Chair for 2011/12.\n", tmp_path)
    assert holders(facts, "CHAIRED_BY") == {("Westbury Police Authority", "Peter Conn")}
    assert holders(facts, "VICE_CHAIRED_BY") == {("Westbury Police Authority", "Linda Hale")}


def test_bodies_that_chair_jointly_are_the_bodies_not_offices_named_after_them(tmp_path: Path) -> None:
    facts = extract("The Westbury Violence Board is jointly chaired by Westbury City Council and Northshire County "
                    "Council representatives.\n\nThe Eastbury Youth Board is chaired by the Chief Executive of Eastbury "
                    "Borough Council.\n", tmp_path)
    chaired = lines(facts, "CHAIRED_BY")
    assert {("Westbury Violence Board", "Westbury City Council"),
            ("Westbury Violence Board", "Northshire County Council")} <= chaired
    assert ("Eastbury Youth Board", "Chief Executive of Eastbury Borough Council") in chaired
    assert {facts.nodes[r.end].label for r in facts.relationships.values() if r.type == "CHAIRED_BY"
            and facts.nodes[r.start].name == "Westbury Violence Board"} == {"Body"}


def test_in_a_flattened_attendance_list_the_person_after_an_organisation_holds_the_office(tmp_path: Path) -> None:
    facts = extract("Westbury Partnership Board\n\nMembers present Cllr Ann Reed (Chair) Westbury Borough Council Tom "
                    "Hale (Vice-Chair) Westbury College Sam Ives.\n", tmp_path)
    assert ("Westbury Partnership Board", "Tom Hale") in holders(facts, "VICE_CHAIRED_BY")
    assert ("Westbury Partnership Board", "Cllr Ann Reed") in holders(facts, "CHAIRED_BY")


def test_a_person_with_another_office_first_chairs_the_body_after_and_chair_of(tmp_path: Path) -> None:
    facts = extract("Miss Jane Morgan, Chief Executive of Westbury Borough Council and Chair of the Westbury Community "
                    "Safety Partnership, said the meetings matter.\n", tmp_path)
    assert holders(facts, "CHAIRED_BY") == {("Westbury Community Safety Partnership", "Miss Jane Morgan")}
    assert not [n for n in facts.nodes.values() if n.label == "Body" and n.name.startswith("Chair of")]
