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


def test_priorities_listed_in_a_sentence_split_at_commas_and_the_last_and(tmp_path: Path) -> None:
    facts = extract("The Westmere Community Safety Partnership had four priorities for 2014/15: rural crime, "
                    "fraud, reducing reoffending and violence and abuse.\n", tmp_path)
    assert priorities(facts) == {("Westmere Community Safety Partnership", t) for t in
                                 ("rural crime", "fraud", "reducing reoffending", "violence and abuse")}
    periods = {n.properties.get("period") for n in facts.nodes.values() if n.label == "Priority"}
    assert periods == {"2014-15"}


def test_priorities_focused_on_and_key_areas_such_as(tmp_path: Path) -> None:
    facts = extract("The Northvale Safer Partnership meets quarterly. The priorities are focused on burglary, "
                    "hate crime and road safety. The plan will focus on key areas such as knife crime and arson.\n",
                    tmp_path)
    assert priorities(facts) == {("Northvale Safer Partnership", t) for t in
                                 ("burglary", "hate crime", "road safety", "knife crime", "arson")}


def test_the_priorities_of_a_named_body_listed_after_are(tmp_path: Path) -> None:
    facts = extract("The priorities of the Westmere Safer Partnership are doorstep crime, youth nuisance and "
                    "cycle theft.\n", tmp_path)
    assert priorities(facts) == {("Westmere Safer Partnership", t) for t in
                                 ("doorstep crime", "youth nuisance", "cycle theft")}


def test_the_main_areas_of_which_are_lists_the_programme_holder_s_priorities(tmp_path: Path) -> None:
    facts = extract("2. This note reports on the lead programme of the Westmere Safer Partnership, the main areas "
                    "of which are doorstep crime, youth nuisance and cycle theft.\n", tmp_path)
    assert priorities(facts) == {("Westmere Safer Partnership", t) for t in
                                 ("doorstep crime", "youth nuisance", "cycle theft")}


def test_the_priorities_of_a_body_set_by_others_list_none(tmp_path: Path) -> None:
    facts = extract("The priorities of the Westmere Safer Partnership are agreed by the council, the police and "
                    "the fire service.\n", tmp_path)
    assert priorities(facts) == set()


def test_a_sentence_saying_how_priorities_are_set_lists_none(tmp_path: Path) -> None:
    facts = extract("The Northvale Safer Partnership meets quarterly. Its priorities are set by the board, the "
                    "council and the police.\n", tmp_path)
    assert priorities(facts) == set()


def test_a_strategy_s_priorities_belong_to_the_partnership_named_after_its_topic(tmp_path: Path) -> None:
    facts = extract("Eastbury Community Safety Partnership\n\nThe Eastbury Executive Group met in May. "
                    "The officer said that the Community Safety Strategy had two priorities: burglary and arson.\n",
                    tmp_path)
    assert priorities(facts) == {("Eastbury Community Safety Partnership", "burglary"),
                                 ("Eastbury Community Safety Partnership", "arson")}


def test_numbered_priority_lines_keep_the_holder_of_the_first(tmp_path: Path) -> None:
    facts = extract("The Southmoor Community Safety Partnership has set its course.\n\n"
                    "Priority 1 - Reducing burglary\n\n"
                    "The Southmoor Neighbourhood Watch Group helps with this work.\n\n"
                    "Priority 2 \u2013 Tackling domestic abuse\n", tmp_path)
    assert priorities(facts) == {("Southmoor Community Safety Partnership", "Reducing burglary"),
                                 ("Southmoor Community Safety Partnership", "Tackling domestic abuse")}


def test_a_budget_table_s_priority_sections_are_the_body_s_priorities(tmp_path: Path) -> None:
    facts = extract("Safer Westmere Partnership Budget 2015/16\n\n"
                    "Item\tAmount\n"
                    "Priority 1: Rural crime\t\n"
                    "Farm watch\t\u00a31,000\n"
                    "Priority 2: Road safety\t\n"
                    "Speed checks\t\u00a3500\n", tmp_path)
    assert priorities(facts) == {("Safer Westmere Partnership", "Rural crime"),
                                 ("Safer Westmere Partnership", "Road safety")}
    periods = {n.properties.get("period") for n in facts.nodes.values() if n.label == "Priority"}
    assert periods == {"2015-16"}


def test_priorities_nested_under_an_item_that_introduces_them(tmp_path: Path) -> None:
    facts = extract("1.1 Purpose of this report\n\n"
                    "1.2 The Westmere Community Safety Partnership has agreed the following priority areas;\n\n"
                    "    - Rural crime\n\n    - Fraud\n\n"
                    "1.3 The team supports the delivery of the above.\n", tmp_path)
    assert priorities(facts) == {("Westmere Community Safety Partnership", "Rural crime"),
                                 ("Westmere Community Safety Partnership", "Fraud")}


def test_objectives_nested_in_terms_of_reference_are_not_priorities(tmp_path: Path) -> None:
    facts = extract("The Westmere Safeguarding Board meets monthly.\n\n"
                    "1. Membership\n\n2. Key Objectives:\n\n    - Reviewing audits\n\n    - Mobilising groups\n",
                    tmp_path)
    assert priorities(facts) == set()


def test_a_numbered_line_opening_a_paragraph_after_a_sentence_naming_the_holder(tmp_path: Path) -> None:
    facts = extract("The Eastmoor Safety Trust is a charity. The Westmere Community Safety Partnership operates "
                    "with two strategic priorities:\n\n"
                    "Priority 1 - Cutting burglary\nachieved through activities, such as:\n\n- patrols\n\n"
                    "Priority 2 - Safer roads\nachieved through activities, such as:\n\n- speed checks\n", tmp_path)
    assert priorities(facts) == {("Westmere Community Safety Partnership", "Cutting burglary"),
                                 ("Westmere Community Safety Partnership", "Safer roads")}


def test_these_after_a_sentence_naming_priorities_and_one_prioritised(tmp_path: Path) -> None:
    facts = extract("In 2019 the Northvale Community Safety Partnership set a new group of priorities. These "
                    "focused on arson, fraud and road safety. Reducing litter in Northvale town centre was also "
                    "prioritised.\n", tmp_path)
    assert priorities(facts) == {("Northvale Community Safety Partnership", t) for t in
                                 ("arson", "fraud", "road safety", "Reducing litter in Northvale town centre")}


def test_these_without_a_sentence_about_priorities_lists_none(tmp_path: Path) -> None:
    facts = extract("The Northvale Community Safety Partnership met twice. These focused on arson, fraud and "
                    "road safety.\n", tmp_path)
    assert priorities(facts) == set()


def test_what_a_consultation_says_should_be_a_priority_is_proposed(tmp_path: Path) -> None:
    facts = extract("The Safe Eastmoor Partnership asked residents about its plan.\n\n"
                    "- 90% agreed that Tackling knife crime should be a partnership Priority\n", tmp_path)
    assert priorities(facts) == {("Safe Eastmoor Partnership", "Tackling knife crime")}
    (rel,) = [r for r in facts.relationships.values() if r.type == "HAS_PRIORITY"]
    assert rel.properties["status"] == "proposed"


def test_bullets_under_numbered_priorities_are_how_not_what(tmp_path: Path) -> None:
    facts = extract("The Westmere Community Safety Partnership has two main priorities:\n\n"
                    "1. Tackling Crime\n\n    - Supporting CCTV in the town\n    - Targeting hotspots\n\n"
                    "2. Safer Roads\n\n    - Speed checks\n", tmp_path)
    assert priorities(facts) == {("Westmere Community Safety Partnership", "Tackling Crime"),
                                 ("Westmere Community Safety Partnership", "Safer Roads")}


def test_a_remit_is_not_a_list_of_priorities(tmp_path: Path) -> None:
    facts = extract("Westmere Reducing Reoffending Board\n\n"
                    "The key objectives of YJBs, as set out in national guidance, are:\n\n"
                    "- Agree a three-year strategy\n- Monitor performance\n\n"
                    "The purpose of the Board will be to:\n\n- Co-ordinate the work of the districts\n", tmp_path)
    assert priorities(facts) == set()


def test_the_pieces_of_work_that_continue_are_not_priorities(tmp_path: Path) -> None:
    facts = extract("The Northvale Community Safety Partnership met in June.\n\n"
                    "It is proposed that work now continues on the following key areas:\n\n"
                    "- Publishing the joint report\n- Working with the county on a pilot\n", tmp_path)
    assert priorities(facts) == set()


def area_priorities(facts: Facts) -> set[tuple[str, str]]:
    return {(facts.nodes[r.start].name, str(facts.nodes[r.end].properties["text"]))
            for r in facts.relationships.values() if r.type == "HAS_PRIORITY" and r.start.startswith("area")}


def test_priorities_across_the_sub_region_belong_to_the_force_area_of_the_document_s_place(tmp_path: Path) -> None:
    facts = extract("Charnwood Borough Council Annual Report\n\nPartners have chosen these priorities across the "
                    "whole sub-region:\n\n- Reducing burglary\n\n- Tackling hate crime\n", tmp_path)
    assert area_priorities(facts) == {("Leicester, Leicestershire and Rutland", "Reducing burglary"),
                                      ("Leicester, Leicestershire and Rutland", "Tackling hate crime")}


def test_priorities_across_the_sub_region_of_a_place_with_no_known_force_area_go_to_no_area(tmp_path: Path) -> None:
    facts = extract("Westmere Borough Council Annual Report\n\nPartners have chosen these priorities across the "
                    "whole sub-region:\n\n- Reducing burglary\n\n- Tackling hate crime\n", tmp_path)
    assert not {name for name, _text in area_priorities(facts)} & {"Leicester, Leicestershire and Rutland"}


def test_a_body_that_aims_to_do_something_has_that_aim_as_a_priority(tmp_path: Path) -> None:
    facts = extract("The Westmere Safer Streets Board was set up in 2004. The Board aims to bring landlords and "
                    "tenants together across the district. The Westmere Youth Alliance aims to open two new youth "
                    "clubs by the summer.\n", tmp_path)
    assert priorities(facts) == {
        ("Westmere Safer Streets Board", "to bring landlords and tenants together across the district"),
        ("Westmere Youth Alliance", "to open two new youth clubs by the summer")}


def test_a_pronoun_or_a_relative_clause_that_aims_names_no_holder(tmp_path: Path) -> None:
    facts = extract("The Westmere Safer Streets Board meets monthly. It aims to open two new youth clubs by the "
                    "summer. Westmere has a crime panel which aims to map the main crime problems in the area.\n",
                    tmp_path)
    assert priorities(facts) == set()
