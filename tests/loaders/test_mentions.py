"""The mentions stage: head nouns, the gazetteer of national bodies (data with a source), roles and acronyms."""
from __future__ import annotations

from graph.schema import load_schema
from loaders.mentions import find_mentions, find_roles, national_bodies


def names(text: str) -> list[tuple[str, str]]:
    return [(m.label, m.name) for m in find_mentions(text, 0)]


def test_a_head_noun_makes_a_body() -> None:
    assert ("Body", "Northshire Safer Communities Board") in names("The Northshire Safer Communities Board met.")


def test_a_national_body_without_a_head_noun_comes_from_the_gazetteer() -> None:
    found = names("Funding comes from the Ministry of Justice and Victim Support runs the service.")
    assert ("Body", "Ministry of Justice") in found and ("Body", "Victim Support") in found


def test_a_gazetteer_name_inside_a_longer_name_is_left_to_it() -> None:
    assert ("Body", "Victim Support") not in names("The Northshire Victim Support Service Board met.")


def test_the_gazetteer_says_where_it_comes_from_and_uses_declared_kinds() -> None:
    data = national_bodies()
    assert "general knowledge" in data["source"]
    kinds = set(load_schema().body_kinds)
    assert all(spec.get("kind", "organisation") in kinds for spec in data["bodies"])


def test_roles_are_offices() -> None:
    found = [m.name for m in find_roles("chaired by the Chief Constable with the Director of Public Health", 0)]
    assert found == ["Chief Constable", "Director of Public Health"]


def test_an_acronym_in_brackets_defines_the_name_before_it() -> None:
    (body,) = [m for m in find_mentions("the Northshire Youth Offending Service (NYOS) reports", 0) if m.label == "Body"]
    assert body.acronym == "NYOS"


def test_an_acronym_before_the_words_it_spells_is_one_body() -> None:
    (body,) = [m for m in find_mentions("members include NVA Northshire Victims Action", 0) if m.label == "Body"]
    assert (body.name, body.acronym) == ("Northshire Victims Action", "NVA")


def test_an_acronym_with_plain_group_words_names_a_group() -> None:
    names = [(m.label, m.name) for m in find_mentions("The CSP delivery group meets quarterly; the CSP board too.", 0)]
    assert ("Body", "CSP delivery group") in names and ("Acronym", "CSP") in names


def test_an_overview_and_scrutiny_body_is_a_name_but_an_overview_of_a_body_is_a_title() -> None:
    named = [m.name for m in find_mentions("It is for the Overview and Scrutiny Board to scrutinise the work.", 0)]
    assert named == ["Overview and Scrutiny Board"]
    titled = [m.name for m in find_mentions("Overview of the Eastbury Safer Partnership Board", 0)]
    assert titled == ["Eastbury Safer Partnership Board"]
