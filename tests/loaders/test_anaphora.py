"""Anaphora: pronouns and definite descriptions before a trigger, counted plurals, and the section's place."""
from __future__ import annotations

from pathlib import Path

from loaders import anaphora
from loaders.mentions import Mention
from tests.loaders.rules.helpers import extract, lines


def body(name: str, start: int = 0, acronym: str | None = None) -> Mention:
    return Mention("Body", name, start, start + len(name), head=name.split()[-1], acronym=acronym)


def test_the_subject_before_a_trigger_is_a_pronoun_or_a_definite_description() -> None:
    text = "Whilst it is led by the Council"
    assert anaphora.clause_subject(text, text.index("led")) == "it"
    text = "The project is being led by the Council"
    assert anaphora.clause_subject(text, text.index("led")) == "project"
    text = "It meets monthly, and the group reports to the Board"
    assert anaphora.clause_subject(text, text.index("reports")) == "group"
    text = "The Westbury Board reports to the Council"
    assert anaphora.clause_subject(text, text.index("reports")) is None
    text = "Officers said it reports to the Council"  # "it" here is no clause's opening subject
    assert anaphora.clause_subject(text, text.index("reports")) is None


def test_the_project_is_the_sections_programme_of_that_head_noun() -> None:
    memory = anaphora.Memory()
    scheme = Mention("Programme", "Eastbury Mentoring Scheme", 0, 25, head="Scheme")
    project = Mention("Programme", "Eastbury Outreach Project", 30, 55, head="Project")
    memory.saw([scheme, project], 0)
    assert anaphora.programme_for(memory, "scheme") == scheme
    assert anaphora.programme_for(memory, "project") == project
    assert anaphora.programme_for(memory, "initiative") is None  # two programmes and neither is an initiative
    memory.new_section()
    assert anaphora.programme_for(memory, "project") is None


def test_a_counted_plural_stands_for_the_paragraphs_bodies_of_its_head_when_the_count_matches() -> None:
    memory = anaphora.Memory()
    memory.saw([body("Northfield Youth Board", 0), body("Southfield Youth Board", 30), body("Westbury Borough Council", 60)], 0)
    names = [a.mention.name for a in anaphora.plural_referents(memory, "Both Boards meet quarterly.")]
    assert names == ["Northfield Youth Board", "Southfield Youth Board"]
    assert anaphora.plural_referents(memory, "All three Boards meet quarterly.") == []  # only two were named
    assert anaphora.plural_referents(memory, "The Boards meet quarterly.") == []  # no count: could be any boards


def test_an_acronym_counts_by_the_head_of_its_body_and_each_place_once() -> None:
    memory = anaphora.Memory()
    memory.saw([body("Youth Review Board", 10, acronym="YRB")], 0, "Westbury")
    memory.saw([Mention("Acronym", "YRB", 60, 63)], 50, "Eastbury")
    memory.saw([Mention("Acronym", "YRB", 90, 93)], 80, "Eastbury")  # the same board again
    found = anaphora.plural_referents(memory, "The two Boards share a manager.")
    assert [(a.mention.name, a.place) for a in found] == [("Youth Review Board", "Westbury"), ("YRB", "Eastbury")]


def test_led_by_with_a_pronoun_or_the_project_as_subject(tmp_path: Path) -> None:
    facts = extract("Westbury Diversion Scheme\n\nThe Westbury Diversion Scheme aims to reduce first-time offending "
                    "among young people.\n\nThe scheme is being run by Westbury Borough Council, but Northshire County "
                    "Council funds it.\n\nNorthfield Youth Panel\n\nThe Northfield Youth Panel meets monthly to review "
                    "cases. Whilst it is led by Westbury Borough Council, the panel includes several partners.\n",
                    tmp_path)
    assert lines(facts, "LED_BY") == {("Westbury Diversion Scheme", "Westbury Borough Council"),
                                      ("Northfield Youth Panel", "Westbury Borough Council")}


def test_both_partnerships_report_to_the_panel(tmp_path: Path) -> None:
    facts = extract("Northshire Safer Partnership and Southshire Safer Partnership share an analyst. Both partnerships "
                    "report to the Shire Police and Crime Panel.\n", tmp_path)
    assert lines(facts, "REPORTS_TO") == {("Northshire Safer Partnership", "Shire Police and Crime Panel"),
                                          ("Southshire Safer Partnership", "Shire Police and Crime Panel")}


def test_a_numbered_chapter_ends_the_place_of_the_chapter_before_it(tmp_path: Path) -> None:
    """"The County Council" after a numbered chapter heading is not the previous chapter's place's council; with two
    counties in the area, it is the one whose council the document names most."""
    facts = extract("Partnerships in the Force Area\n\nLeicestershire County Council and Leicestershire County Council's "
                    "officers support the Youth Forum.\n\nRutland\n\nThe Rutland Youth Forum works with Rutland County "
                    "Council.\n\n3. Other Arrangements\n\nThe Anti-Fraud Steering Group meets monthly. Whilst it is led "
                    "by the County Council, the group includes the Police.\n", tmp_path)
    assert ("Anti-Fraud Steering Group", "Leicestershire County Council") in lines(facts, "LED_BY")
    assert ("Anti-Fraud Steering Group", "Rutland County Council") not in lines(facts, "LED_BY")


def test_the_partnership_opening_a_sentence_is_its_subject_not_the_first_member(tmp_path: Path) -> None:
    facts = extract("Partners met to set up the Northfield Community Safety Partnership. The partnership includes "
                    "Northfield Borough Council and Northshire Police. It is chaired by the Chief Executive.\n\n"
                    "Northfield Youth Review Group - reviews cases monthly.\n\nThis subgroup is led by Northshire "
                    "Police.\n", tmp_path)
    assert ("Northfield Community Safety Partnership", "Chief Executive") in lines(facts, "CHAIRED_BY")
    assert ("Northfield Borough Council", "Chief Executive") not in lines(facts, "CHAIRED_BY")
    assert ("Northfield Youth Review Group", "Northshire Police") in lines(facts, "LED_BY")


def test_the_police_with_no_referent_in_the_section_is_the_police_of_the_documents_place(tmp_path: Path) -> None:
    facts = extract("Eastbury\n\nEastbury Police and Eastbury Borough Council work together.\n\n2. Other Groups\n\n"
                    "The Eastbury Licensing Forum is chaired on a rotating basis by Eastbury Borough Council and the "
                    "Police.\n", tmp_path)
    assert lines(facts, "CHAIRED_BY") == {("Eastbury Licensing Forum", "Eastbury Borough Council"),
                                          ("Eastbury Licensing Forum", "Eastbury Police")}


def test_a_counted_plural_acronym_stands_for_the_bodies_of_those_initials() -> None:
    memory = anaphora.Memory()
    memory.saw([body("Westbury Community Safety Partnership", 0), body("Eastbury Community Safety Partnership", 40),
                body("Westbury Youth Board", 80)], 0)
    names = [a.mention.name for a in anaphora.plural_referents(memory, "The two CSPs share an analyst.")]
    assert names == ["Westbury Community Safety Partnership", "Eastbury Community Safety Partnership"]
    assert anaphora.plural_referents(memory, "The two areas share an analyst.") == []
