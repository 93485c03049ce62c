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


def test_the_number_of_sub_groups_decides_which_and_joins_two_names(tmp_path: Path) -> None:
    facts = extract("The Westmere Safeguarding Adults Board has two sub groups: Learning and Development and "
                    "Performance and Quality Audit.\n", tmp_path)
    assert lines(facts, "SUBGROUP_OF") == {("Learning and Development", "Westmere Safeguarding Adults Board"),
                                          ("Performance and Quality Audit", "Westmere Safeguarding Adults Board")}


def test_the_last_name_of_a_comma_list_is_cut_at_its_and(tmp_path: Path) -> None:
    facts = extract("The Westmere Safeguarding Children Board has sub groups that cover: Policies and Procedures, "
                    "Child Exploitation, Case Reviews and our newest group is one formed in May.\n", tmp_path)
    assert lines(facts, "SUBGROUP_OF") == {("Policies and Procedures", "Westmere Safeguarding Children Board"),
                                          ("Child Exploitation", "Westmere Safeguarding Children Board"),
                                          ("Case Reviews", "Westmere Safeguarding Children Board")}


def test_titled_paragraphs_after_an_announcement_are_sub_groups(tmp_path: Path) -> None:
    facts = extract("The Westmere Safeguarding Adults Board is supported in its work by a number of subgroups, each "
                    "with its own terms of reference.\n\n"
                    "Case Review subgroup \u2013 oversees reviews and manages referrals.\n\n"
                    "3B Quality Assurance \u2013 provides an overview of the quality of work.\n\n"
                    "Training is offered to every partner across Westmere.\n\n"
                    "Outreach Panel \u2013 not a sub-group: the paragraphs above ended the run.\n", tmp_path)
    assert lines(facts, "SUBGROUP_OF") == {("Case Review subgroup", "Westmere Safeguarding Adults Board"),
                                          ("3B Quality Assurance", "Westmere Safeguarding Adults Board")}


def test_theme_groups_that_report_to_the_partnership_listed_after_a_pointer(tmp_path: Path) -> None:
    facts = extract("Safer Fenmoor Partnership\n\nThe Safer Fenmoor Partnership meets quarterly.\n\n"
                    "The Safer Fenmoor Executive Board has three theme groups that report to the partnership and "
                    "lead on its plan. These are:\n\n- Hate Crime Forum\n- Street Lighting\n- Youth Nuisance\n",
                    tmp_path)
    owner = "Safer Fenmoor Executive Board"  # a bare topic is named with the intro's kind (and its area)
    assert lines(facts, "SUBGROUP_OF") == {("Hate Crime Forum", owner), ("Fenmoor Street Lighting theme group", owner),
                                          ("Fenmoor Youth Nuisance theme group", owner)}
    assert lines(facts, "REPORTS_TO") == {("Hate Crime Forum", "Safer Fenmoor Partnership"),
                                         ("Fenmoor Street Lighting theme group", "Safer Fenmoor Partnership"),
                                         ("Fenmoor Youth Nuisance theme group", "Safer Fenmoor Partnership")}


def test_a_pointer_after_a_sentence_without_groups_gives_no_sub_groups(tmp_path: Path) -> None:
    facts = extract("The Safer Fenmoor Executive Board agreed its priorities for the year. These are:\n\n"
                    "- Street Lighting\n- Youth Nuisance\n", tmp_path)
    assert lines(facts, "SUBGROUP_OF") == set()
