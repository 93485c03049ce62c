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


def test_a_generic_name_with_its_place_after_it_is_one_name() -> None:
    found = names("As Police and Crime Commissioner for Westshire, Jo Bloggs funds the Youth Panel.")
    assert ("Body", "Police and Crime Commissioner for Westshire") in found
    assert ("Body", "Community Safety Partnership at Eastmoor with Fenby") in names(
        "The Community Safety Partnership at Eastmoor with Fenby met.")
    assert ("Body", "CSP for North Westshire") in names("The districts merged into one CSP for North Westshire.")


def test_a_plural_or_a_name_after_the_generic_name_is_not_its_place() -> None:
    plural = names("The Community Safety Partnerships in Westshire met.")
    assert ("Body", "Community Safety Partnership in Westshire") not in plural
    assert not any(name.endswith("for Safer Streets Board") for _label, name in names(
        "The Community Safety Partnership for the Safer Streets Board met."))


def test_a_place_before_a_generic_acronym_is_one_name() -> None:
    found = names("The merger of Eastmoor CSP and Fenby and Dale CSP was agreed.")
    assert ("Body", "Eastmoor CSP") in found
    assert ("Body", "Fenby and Dale CSP") in found
    # opening a sentence, only a known place
    assert [m.name for m in find_mentions("Eastmoor CSP met.", 0, frozenset({"Eastmoor"}))] == ["Eastmoor CSP"]
    # a capital that opens a sentence or a bullet, or a level word, is no place
    assert ("Body", "Attend CDRP") not in names("- Attend CDRP meetings.")
    assert not any(label == "Body" for label, _name in names("The County and District LSPs met."))
