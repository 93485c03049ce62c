"""The rules are general: a made-up document about another area extracts as its sentences say."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph.model import Facts
from loaders.pipeline import load_directory
from loaders.read import DocumentError

NORTHSHIRE = """Northshire Community Safety

Northshire Safer Communities Board

The Northshire Safer Communities Board (NSCB) co-ordinates community safety across the county. Chaired by the Chief Constable, the Board has no direct responsibility for the Eastbury Community Safety Partnership.

The Northshire Youth Crime Group reports to the Northshire Safer Communities Board.

The Northshire Justice Board replaced the Northshire Courts Board in April 2010. Its members include the Northshire Courts and Tribunals Service (NCTS).

This group is now linked to the Keep Safe group which is a sub-group of the Northshire Justice Board.

The Board includes the Eastbury Borough Council, NCA (Northshire Crime Agency), NVA Northshire Victims Action, Eastbury Care LTD and the All Party Northshire Group (APNG).

The Northshire Hate Crime Group, which will be a sub-group of the Northshire Safer Communities Board, is responsible for hate crime.

It is proposed that a Northshire Victims Forum reporting to the NSCB should be established.

From April 2013, it has been agreed that the Northshire Safer Communities Board will merge with the Northshire Justice Board to create the new Northshire Strategic Board.

The Board's priorities for 2013/14 are:

- Reduce re-offending
- Tackle domestic abuse

The Minister met the Northshire Justice Board in May. Key outcomes and commitments included:

- Ministers will look at fewer targets
- The Board to write a protocol

Rutland

Rutland County Council runs the local services. The Rutland Safety Group reports to the County Council.

Eastbury Safer Partnership

The Eastbury Safer Partnership meets monthly. Road safety has been identified by the Eastbury Safer Partnership as a key priority locally. Tackling hate crime is a particular priority for the Northshire Justice Board.

Eastbury Children's Trust

The Eastbury Children's Trust sets its own plan. The Eastbury Family Programme is overseen by the Eastbury Children's Trust. The Eastbury Youth Service is overseen by a local Management Board, comprising the Northshire Fire Service and Eastbury Borough Council. The Northshire Offender Programme is co-ordinated and administered by a Northshire Offender Unit. The Trust has oversight of the work through the Northshire Justice Board.

Victims

The Partnership oversees the work of the Eastbury Victims Forum.

The Trust is a member of the Northshire Drugs Board (NDB) which is a partnership comprising officers from the Northshire Fire Service and Eastbury Borough Council.

Northshire Reducing Harm Board

The Northshire Reducing Harm Board reports to the Northshire Justice Board. It supports Community Safety Partnerships in their work. The NCA/NVA Northshire Delivery Board met in May. The NJB Champions Group reports to the Northshire Justice Board. The Champions Group meets monthly. The plan is agreed with the Government Office for the North East (GONE) and the NEPOP (Northshire Elders Partnerships for Older People).

The Board's aim, as set out in its Terms of Reference, is to:

- Reduce harm from alcohol
- Support victims of crime

The Northshire Justice Board established the new Northshire Alcohol Group in 2011/12. This group is made up of a range of partners and reports to the Northshire Justice Board.

The following two priorities have been agreed for 2012/13

- Reduce street drinking
- Reduce binge drinking

The Northshire Alcohol Group has set three key areas which the group considers as requiring the most effort. They are:

- Fewer licensed premises offences
- Safer night-time economy
- Better treatment access Northshire Justice Board

The Northshire Alcohol Group runs a pilot. The key aims of the project are to:

- test out local models for engaging employers
- Make the city centre safer

Eastbury Funding

District CSP\t12 month Allocation\t2013-14 Allocation
Eastbury\t£1,000\t£900
Total\t£1,500\t£900
"""


@pytest.fixture(scope="module")
def northshire(tmp_path_factory: pytest.TempPathFactory) -> Facts:
    folder = tmp_path_factory.mktemp("northshire")
    (folder / "northshire.txt").write_text(NORTHSHIRE, encoding="utf-8")
    return load_directory(folder)


def has(facts: Facts, rel_type: str, start: str, end: str) -> dict | None:
    for rel in facts.relationships.values():
        if (rel.type, rel.start, rel.end) == (rel_type, start, end):
            return rel.properties
    return None


def test_reporting_line(northshire: Facts) -> None:
    props = has(northshire, "REPORTS_TO", "northshire-youth-crime-group", "northshire-safer-communities-board")
    assert props is not None and props["status"] == "current"


def test_future_subgroup_is_planned(northshire: Facts) -> None:
    props = has(northshire, "SUBGROUP_OF", "northshire-hate-crime-group", "northshire-safer-communities-board")
    assert props is not None and props["status"] == "planned"


def test_should_be_established_is_proposed_and_acronym_resolves(northshire: Facts) -> None:
    props = has(northshire, "REPORTS_TO", "northshire-victims-forum", "northshire-safer-communities-board")
    assert props is not None and props["status"] == "proposed"
    assert "NSCB" in northshire.nodes["northshire-safer-communities-board"].aliases


def test_negative_statement_is_not_an_edge(northshire: Facts) -> None:
    starts = {r.end for r in northshire.relationships.values() if r.start == "northshire-safer-communities-board"
              and r.type not in {"HAS_PRIORITY", "CHAIRED_BY", "COVERS", "MERGED_INTO"}}
    assert "eastbury-community-safety-partnership" not in starts


def test_chair_merger_and_priorities(northshire: Facts) -> None:
    assert has(northshire, "CHAIRED_BY", "northshire-safer-communities-board", "role-chief-constable")
    merged = has(northshire, "MERGED_INTO", "northshire-justice-board", "northshire-strategic-board")
    assert merged is not None and merged["valid_from"] == "2013-04"
    priorities = [northshire.nodes[r.end].properties["text"] for r in northshire.relationships.values()
                  if r.type == "HAS_PRIORITY" and r.start == "northshire-safer-communities-board"]
    assert priorities == ["Reduce re-offending", "Tackle domestic abuse"]


def test_table_total_mismatch_is_reported(northshire: Facts) -> None:
    assert [f.rule for f in northshire.findings] == ["total-mismatch"]
    assert "£1,500" in northshire.findings[0].message and "£1,000" in northshire.findings[0].message


def test_a_bad_document_names_itself_and_its_line(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(NORTHSHIRE, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"First line\nSecond \xff line\n")
    with pytest.raises(DocumentError) as error:
        load_directory(tmp_path)
    assert error.value.doc == "bad" and error.value.line == 2


def test_a_curated_quote_missing_from_its_document_is_refused(tmp_path: Path) -> None:
    (tmp_path / "northshire.txt").write_text(NORTHSHIRE, encoding="utf-8")
    (tmp_path / "curation.yaml").write_text(
        "same_as:\n  - canonical: Northshire Justice Board\n    names: [NJB]\n"
        "    quote: {doc: northshire, text: \"a sentence that is not there\"}\n", encoding="utf-8")
    with pytest.raises(DocumentError, match="not in the document"):
        load_directory(tmp_path)


def test_acronym_before_its_expansion_and_words_the_acronym_needs(northshire: Facts) -> None:
    agency = northshire.nodes.get("northshire-crime-agency")
    assert agency is not None and "NCA" in agency.aliases
    assert "nca" not in northshire.nodes  # the acronym is an alias, not a second body
    action = northshire.nodes.get("northshire-victims-action")  # "NVA Northshire Victims Action": no brackets
    assert action is not None and "NVA" in action.aliases
    assert "ltd" not in northshire.nodes and "nva" not in northshire.nodes
    group = northshire.nodes.get("all-party-northshire-group")
    assert group is not None and "APNG" in group.aliases


def test_an_anaphor_can_name_the_body_of_an_earlier_section(northshire: Facts) -> None:
    assert has(northshire, "OVERSEES", "eastbury-safer-partnership", "eastbury-victims-forum") is not None
    assert has(northshire, "OVERSEES", "eastbury-childrens-trust", "eastbury-victims-forum") is None


def test_members_belong_to_the_body_a_relative_clause_hangs_on(northshire: Facts) -> None:
    assert has(northshire, "MEMBER_OF", "northshire-fire-service", "northshire-drugs-board") is not None
    assert has(northshire, "MEMBER_OF", "eastbury-borough-council", "northshire-drugs-board") is not None
    assert has(northshire, "MEMBER_OF", "northshire-fire-service", "eastbury-childrens-trust") is None
    assert has(northshire, "MEMBER_OF", "eastbury-childrens-trust", "northshire-drugs-board") is not None


def test_a_relative_clause_names_the_subject_of_its_line(northshire: Facts) -> None:
    assert has(northshire, "SUBGROUP_OF", "keep-safe-group", "northshire-justice-board") is not None
    assert has(northshire, "SUBGROUP_OF", "northshire-youth-crime-group", "northshire-justice-board") is None


def test_a_body_that_replaced_another_succeeds_it_from_the_date(northshire: Facts) -> None:
    props = has(northshire, "SUCCEEDED_BY", "northshire-courts-board", "northshire-justice-board")
    assert props is not None and props["status"] == "current" and props["valid_from"] == "2010-04"


def test_a_name_spelled_out_by_its_acronym_is_one_body(northshire: Facts) -> None:
    service = northshire.nodes.get("northshire-courts-and-tribunals-service")
    assert service is not None and "NCTS" in service.aliases
    assert "tribunals-service" not in northshire.nodes


def test_what_a_meeting_produced_is_not_a_priority_list(northshire: Facts) -> None:
    texts = [n.properties.get("text") for n in northshire.nodes.values() if n.label == "Priority"]
    assert "Ministers will look at fewer targets" not in texts
    assert "Reduce re-offending" in texts


def holder_of(facts: Facts, text: str) -> set[str]:
    return {r.start for r in facts.relationships.values()
            if r.type == "HAS_PRIORITY" and facts.nodes[r.end].properties.get("text") == text}


def test_a_pronoun_subject_keeps_the_focus_and_a_standalone_intro_line_introduces_a_list(northshire: Facts) -> None:
    # "It supports Community Safety Partnerships ...": "The Board" that follows is still the Reducing Harm Board
    assert holder_of(northshire, "Reduce harm from alcohol") == {"northshire-reducing-harm-board"}
    # "X established the new Y in 2011/12. This group ... reports to X": the group reports, and was established then
    assert has(northshire, "REPORTS_TO", "northshire-alcohol-group", "northshire-justice-board") is not None
    assert northshire.nodes["northshire-alcohol-group"].properties.get("established") == "2011"
    assert "established" not in northshire.nodes["northshire-justice-board"].properties
    # a list introduced by a line without a colon
    assert holder_of(northshire, "Reduce street drinking") == {"northshire-alcohol-group"}


def test_the_county_council_in_an_area_chapter_is_that_area_s_council(northshire: Facts) -> None:
    assert has(northshire, "REPORTS_TO", "rutland-safety-group", "rutland-county-council") is not None
    assert "county-council" not in northshire.nodes


def test_a_priority_stated_in_a_sentence(northshire: Facts) -> None:
    assert holder_of(northshire, "Road safety") == {"eastbury-safer-partnership"}
    assert holder_of(northshire, "Tackling hate crime") == {"northshire-justice-board"}


def test_passive_lines_take_their_doer_from_the_by_phrase(northshire: Facts) -> None:
    assert has(northshire, "OVERSEES", "eastbury-childrens-trust", "programme-eastbury-family-programme") is not None
    assert has(northshire, "DELIVERS", "northshire-offender-unit", "programme-northshire-offender-programme") is not None
    # "oversight of the work through the Board": the Board is the means, not what is overseen
    assert has(northshire, "OVERSEES", "eastbury-childrens-trust", "northshire-justice-board") is None


def test_members_of_an_unnamed_board_are_not_given_to_another_body(northshire: Facts) -> None:
    assert has(northshire, "MEMBER_OF", "northshire-fire-service", "eastbury-youth-service") is None


def test_names_spelled_out_by_their_acronym_run_past_their_head(northshire: Facts) -> None:
    office = northshire.nodes.get("government-office-for-the-north-east")
    assert office is not None and "GONE" in office.aliases
    elders = next((n for n in northshire.nodes.values() if "NEPOP" in n.aliases), None)
    assert elders is not None and elders.name == "Northshire Elders Partnerships for Older People"


def test_owners_before_a_slash_and_an_acronym_qualifier_are_not_new_bodies(northshire: Facts) -> None:
    assert "northshire-delivery-board" in northshire.nodes
    assert not [n for n in northshire.nodes if n.startswith("nva-")]
    group = northshire.nodes.get("njb-champions-group")
    assert group is not None and "Champions Group" in group.aliases and "champions-group" not in northshire.nodes


def test_they_are_after_a_sentence_of_priorities_introduces_them(northshire: Facts) -> None:
    assert holder_of(northshire, "Safer night-time economy") == {"northshire-alcohol-group"}


def test_a_project_s_aims_are_not_the_body_s_priorities(northshire: Facts) -> None:
    assert holder_of(northshire, "test out local models for engaging employers") == set()


def test_a_heading_glued_to_the_last_item_is_not_part_of_it(northshire: Facts) -> None:
    assert holder_of(northshire, "Better treatment access") == {"northshire-alcohol-group"}


def test_places_the_gazetteer_does_not_know_come_from_their_councils(northshire: Facts) -> None:
    eastbury = northshire.nodes.get("area-eastbury")
    assert eastbury is not None and eastbury.properties.get("level") == "district"
    covers = {(r.start, r.end) for r in northshire.relationships.values() if r.type == "COVERS"}
    assert ("eastbury-borough-council", "area-eastbury") in covers
    assert ("eastbury-community-safety-partnership", "area-eastbury") in covers
    targets = {r.end for r in northshire.relationships.values() if r.type == "ALLOCATED_TO"}
    assert targets & {"area-eastbury", "eastbury-community-safety-partnership"}
