"""The mentions stage: head nouns, the gazetteer of national bodies (data with a source), roles and acronyms."""
from __future__ import annotations

from graph.schema import load_schema
from loaders.mentions import find_mentions, find_roles, national_bodies, self_defined_bodies


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
    assert bodies("The governance of the W&ES CSP is set out.") == ["W&ES CSP"]  # a place's own acronym
    assert not bodies("The CSP and LSP met.")
    # opening a sentence, only a known place
    assert [m.name for m in find_mentions("Eastmoor CSP met.", 0, frozenset({"Eastmoor"}))] == ["Eastmoor CSP"]
    # a capital that opens a sentence or a bullet, or a level word, is no place
    assert ("Body", "Attend CDRP") not in names("- Attend CDRP meetings.")
    assert not any(label == "Body" for label, _name in names("The County and District LSPs met."))


def bodies(text: str, areas: frozenset[str] = frozenset()) -> list[str]:
    return [m.name for m in find_mentions(text, 0, areas) if m.label == "Body"]


def test_a_date_opening_a_run_is_no_part_of_the_name() -> None:
    assert bodies("The April 2015 Police and Crime Commissioner grants were paid.") == [
        "Police and Crime Commissioner"]
    assert bodies("Feb Scrutiny and Audit Committee") == ["Scrutiny and Audit Committee"]


def test_an_office_inside_a_run_of_capitals_is_not_part_of_a_name() -> None:
    assert bodies("Jo Bloggs, Chief Executive of Westshire County Council and Chair of the Westshire Community "
                  "Safety Partnership said so.") == ["Westshire County Council", "Westshire Community Safety Partnership"]
    assert bodies("The chairs, Jo Bloggs, Westshire Council Strategic Director and Sam Smith of Eastshire Police, "
                  "said so.") == ["Westshire Council", "Eastshire Police"]


def test_a_person_with_a_rank_is_cut_out_of_a_run_of_capitals() -> None:
    assert bodies("with the Head of Safety, Resilience and Emergency Planning and Superintendent Jo Bloggs of "
                  "Westshire Police.") == ["Westshire Police"]
    assert bodies("Members: Cllr Jo Bloggs Westshire Council and others") == ["Westshire Council"]


def test_page_furniture_and_a_verb_before_a_generic_name_are_cut_off() -> None:
    assert bodies("Collated Evidence Page 4 Scrutiny and Audit Committee") == ["Scrutiny and Audit Committee"]
    assert bodies("Merging Community Safety Partnerships will save money.") == ["Community Safety Partnership"]
    assert bodies("The Safeguarding Adults Board met.") == ["Safeguarding Adults Board"]  # a name's own -ing word


def test_a_comma_joins_only_a_list_of_places() -> None:
    areas = frozenset({"Westburgh", "Eastburgh", "Northburgh"})
    assert bodies("Westburgh, Eastburgh and Northburgh Board met.", areas) == ["Westburgh, Eastburgh and Northburgh Board"]
    found = bodies("Members are Bright Homes Westburgh, Westburgh Third Sector Network and others.", areas)
    assert "Westburgh Third Sector Network" in found
    assert not any("," in name for name in found)


def test_a_name_without_a_head_noun_that_the_text_calls_a_body_is_one() -> None:
    text = ("The strategy sits within Safer Westshire, which is a county-wide partnership board. Justice Now (JN) is a "
            "charity. Westshire County Council is the accountable body. Crime Reduction is a partnership priority. "
            "Leicestershire and Rutland is the area of the board.")
    assert self_defined_bodies(text) == ["Safer Westshire", "Justice Now"]


def test_the_nhs_body_of_a_place_is_named_by_nhs_and_the_place() -> None:
    found = bodies("Members: NHS Fenland, NHS Greater Westshire and Dale and NHS Greater Eastshire (Eastbury).")
    assert found == ["NHS Fenland", "NHS Greater Westshire and Dale", "NHS Greater Eastshire (Eastbury)"]
    assert bodies("The NHS Health Check programme and NHS Fenland Jo Bloggs.") == []  # a plain word, a person follow


def test_more_head_nouns_and_the_police_fire_and_crime_commissioner() -> None:
    found = bodies("Westshire College, the Westshire Community Rehabilitation Company and Westshire Fire and Rescue met.")
    assert found == ["Westshire College", "Westshire Community Rehabilitation Company", "Westshire Fire and Rescue"]
    assert bodies("The Westshire Police, Fire and Crime Commissioner funds it.") == [
        "Westshire Police, Fire and Crime Commissioner"]
    assert bodies("Skills Development Scotland funds it.") == ["Skills Development Scotland"]


def test_a_place_named_x_with_y_is_one_name() -> None:
    assert bodies("The check was conducted by Fenby with Dale Council, which helped.") == ["Fenby with Dale Council"]
    assert bodies("Together with Westshire County Council we met.") == ["Westshire County Council"]
    assert bodies("We work with Westshire Council.") == ["Westshire Council"]


def test_an_activity_of_a_body_titles_a_section_and_names_a_body_otherwise() -> None:
    assert bodies("Scrutiny of Crime and Disorder Partnerships was agreed.") == ["Crime and Disorder Partnership"]
    assert bodies("The Scrutiny and Audit Committee met.") == ["Scrutiny and Audit Committee"]


def test_the_office_of_a_body_is_one_name() -> None:
    assert bodies("Members include the Office of the Police and Crime Commissioner and the Council.") == [
        "Office of the Police and Crime Commissioner"]
    assert bodies("The Office of the Police and Crime Commissioner for Fenshire chairs it.") == [
        "Office of the Police and Crime Commissioner for Fenshire"]
    assert bodies("The Office of Fair Trading and the Home Office met.") == ["Home Office"]


def test_a_bare_head_named_by_the_topic_after_on_or_for() -> None:
    assert ("Body", "Coalition on Rural Youth Justice") in names("Eastbury joined the Coalition on Rural Youth Justice.")
    assert ("Body", "Alliance for Safer Streets") in names("The Alliance for Safer Streets met in May.")


def test_a_head_followed_by_a_place_a_date_or_another_body_is_no_topic_name() -> None:
    assert names("The Board for Leicestershire met.") == [("Anaphor", "The Board")]
    assert names("The Board on Monday agreed the plan.") == [("Anaphor", "The Board")]
    assert ("Body", "Older People Projects Board") in names("The Partnership for Older People Projects Board met.")
