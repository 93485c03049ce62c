"""The relations stage: frames of the grammar, voice, modality and negation on one sentence's mentions."""
from __future__ import annotations

import pytest

from loaders.mentions import Mention, find_mentions
from loaders.relations import grammar, hits, list_frame, negated, sentence_candidates, status_of


def read(text: str) -> list[tuple[str, str, str, str]]:
    mentions = find_mentions(text, 0)
    subject = next((m for m in mentions if m.label in {"Body", "Acronym"}), None)
    return [(c.type, c.start.name, c.end.name, c.status) for c in sentence_candidates(text, 0, mentions, subject)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The Youth Crime Group reports to the Safer Northshire Board.",
     ("REPORTS_TO", "Youth Crime Group", "Safer Northshire Board", "current")),
    ("The Youth Crime Group reports annually to the Safer Northshire Board.",
     ("REPORTS_TO", "Youth Crime Group", "Safer Northshire Board", "current")),
    ("The Safer Northshire Board receives reports from the Youth Crime Group.",
     ("REPORTS_TO", "Youth Crime Group", "Safer Northshire Board", "current")),
    ("The Hate Crime Panel is a Sub-Body of the Safer Northshire Board.",
     ("SUBGROUP_OF", "Hate Crime Panel", "Safer Northshire Board", "current")),
    ("The Youth Service is overseen by the Children's Trust Board.",
     ("OVERSEES", "Children's Trust Board", "Youth Service", "current")),
    ("The Fire Service is accountable to the Northshire Fire Authority.",
     ("ACCOUNTABLE_TO", "Fire Service", "Northshire Fire Authority", "current")),
    ("The Youth Crime Group will report to the Safer Northshire Board.",
     ("REPORTS_TO", "Youth Crime Group", "Safer Northshire Board", "planned")),
    ("It is proposed that the Youth Crime Group reports to the Safer Northshire Board.",
     ("REPORTS_TO", "Youth Crime Group", "Safer Northshire Board", "proposed")),
    ("The Outreach Team is led by the Northshire Youth Service.",
     ("LED_BY", "Outreach Team", "Northshire Youth Service", "current")),
    ("The Community Safety Team is part of the Northshire County Council.",
     ("PART_OF", "Community Safety Team", "Northshire County Council", "current")),
    ("The Responsible Authorities Group sets the strategic direction of the Northshire Safer Partnership.",
     ("OVERSEES", "Responsible Authorities Group", "Northshire Safer Partnership", "current")),
    ("The Northshire Strategic Board provides executive and strategic leadership for the Eastbury Safety Group.",
     ("OVERSEES", "Northshire Strategic Board", "Eastbury Safety Group", "current")),
])
def test_a_frame_reads_its_line(sentence: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in read(sentence)


def test_a_negated_trigger_states_no_line() -> None:
    assert read("The Youth Crime Group does not report to the Safer Northshire Board.") == []
    assert negated("The Board has no direct")


def test_modality_is_read_from_the_clause_before_the_trigger() -> None:
    assert status_of("The group should ", "The group should report to the Board.") == "proposed"
    assert status_of("The group will ", "The group will report to the Board.") == "planned"
    assert status_of("The group ", "The group reports to the Board.") == "current"


def test_every_frame_of_the_grammar_file_compiles_and_names_a_declared_type() -> None:
    from graph.schema import load_schema

    declared = set(load_schema().relationships)
    assert {f.type for f in grammar().frames} <= declared
    assert {f.type for f in grammar().lists} <= declared


def test_hits_do_not_overlap() -> None:
    found = hits("The group reports to and is accountable to the Board.")
    assert [h.frame.type for h in found] == ["REPORTS_TO", "ACCOUNTABLE_TO"]


@pytest.mark.parametrize(("intro", "rel_type"), [
    ("Membership includes:", "MEMBER_OF"), ("The Board consists of:", "MEMBER_OF"),
    ("The sub-groups are:", "SUBGROUP_OF"), ("The following groups report to the Board:", "REPORTS_TO"),
])
def test_an_introducing_sentence_opens_a_list_frame(intro: str, rel_type: str) -> None:
    found = list_frame(intro)
    assert found is not None and found[0].type == rel_type


def test_a_mention_is_left_alone_when_no_frame_matches() -> None:
    assert read("The Youth Crime Group met in May.") == []
    assert isinstance(find_mentions("The Youth Crime Group", 0)[0], Mention)


def test_a_relative_clause_gives_the_line_to_the_body_it_hangs_on() -> None:
    found = read("The Northshire Council created the Safe Northshire Partnership which sits within the Northshire "
                 "Community Planning Partnership structure.")
    assert ("PART_OF", "Safe Northshire Partnership", "Northshire Community Planning Partnership", "current") in found
    assert not [f for f in found if f[1] == "Northshire Council"]


def test_a_participle_without_auxiliary_says_something_of_the_noun_right_before_it() -> None:
    # the work stream is overseen, not the programme named two clauses back
    assert read("The Northshire Family Programme has a work stream on housing, with a focus on rough sleeping "
                "overseen by the Housing Board.") == []
    assert ("OVERSEES", "Housing Board", "Northshire Rough Sleeping Group", "current") in read(
        "The Northshire Rough Sleeping Group overseen by the Housing Board meets monthly.")
    assert ("OVERSEES", "Housing Board", "Northshire Rough Sleeping Group", "current") in read(
        "The Northshire Rough Sleeping Group, which meets monthly, is overseen by the Housing Board.")


def test_commissioning_names_what_follows_the_verb_or_its_provider() -> None:
    assert ("COMMISSIONS", "Eastbury Safety Board", "Eastbury Mediation Service", "current") in read(
        "The Eastbury Safety Board commissions the Eastbury Mediation Service.")
    assert ("COMMISSIONS", "Eastbury Safety Board", "Northshire Victims Trust", "current") in read(
        "The Eastbury Safety Board commissions support services from the Northshire Victims Trust.")


def test_strategic_direction_is_oversight_only_of_whom_it_is_given_to() -> None:
    assert ("OVERSEES", "Northshire Strategic Board", "Eastbury Safety Group", "current") in read(
        "The Northshire Strategic Board provides strategic direction to the Eastbury Safety Group.")
    # a tier "working to provide strategic direction (the X Board)": the bracket names the tier, not what it steers
    assert [f for f in read("Two tiers of the Northshire Partnership work to provide strategic direction "
                            "(Northshire Strategic Board) and local delivery.") if f[0] == "OVERSEES"] == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The Safer Westmere Partnership remains as a delivery arm directed by the Westmere Strategic Partnership.",
     ("PART_OF", "Safer Westmere Partnership", "Westmere Strategic Partnership", "current")),
    ("The Westmere Action Group is directed by the Westmere Strategic Partnership.",
     ("ACCOUNTABLE_TO", "Westmere Action Group", "Westmere Strategic Partnership", "current")),
])
def test_an_arm_directed_by_a_body_is_part_of_it(sentence: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in read(sentence)
    assert len(read(sentence)) == 1


def test_a_bracket_in_apposition_gives_the_line_to_the_body_before_it() -> None:
    found = read("The Westmere Council funds the Eastbury Violence Group, (a sub-group of the Safer Eastbury "
                 "Partnership) with members from every agency.")
    assert ("SUBGROUP_OF", "Eastbury Violence Group", "Safer Eastbury Partnership", "current") in found
    assert not [f for f in found if f[1] == "Westmere Council"]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The Westmere Safety Board holds the Westmere Housing Trust and the Westmere Youth Service to account.",
     {("OVERSEES", "Westmere Safety Board", "Westmere Housing Trust", "current"),
      ("OVERSEES", "Westmere Safety Board", "Westmere Youth Service", "current")}),
    ("The Westmere Safety Partnership makes reports or recommendations to the Westmere Borough Council.",
     {("REPORTS_TO", "Westmere Safety Partnership", "Westmere Borough Council", "current")}),
    ("Governance arrangements for the Westmere Safety Group have been embedded within the Westmere Public "
     "Services Board structure.",
     {("PART_OF", "Westmere Safety Group", "Westmere Public Services Board", "current")}),
    ("The Westmere Safety Partnership, the Eastbury Safety Partnership and the Northshire Youth Forum have merged "
     "to form the Northshire Community Safety Partnership.",
     {("MERGED_INTO", "Westmere Safety Partnership", "Northshire Community Safety Partnership", "current"),
      ("MERGED_INTO", "Eastbury Safety Partnership", "Northshire Community Safety Partnership", "current"),
      ("MERGED_INTO", "Northshire Youth Forum", "Northshire Community Safety Partnership", "current")}),
])
def test_more_ways_of_stating_a_line(sentence: str, expected: set[tuple[str, str, str, str]]) -> None:
    assert set(read(sentence)) == expected


def test_holding_to_account_needs_the_words_to_account() -> None:
    assert read("The Westmere Safety Board holds a meeting with the Northshire Police each year.") == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The Westmere Action Group is the tactical operational arm of the Westmere Safety Partnership.",
     ("PART_OF", "Westmere Action Group", "Westmere Safety Partnership", "current")),
    ("The Westmere Safety Partnership has strategic overview of the Westmere Action Group (WAG), which is its "
     "tactical arm.", ("PART_OF", "Westmere Action Group", "Westmere Safety Partnership", "current")),
    ("The Westmere Borough Council has established the Westmere Health Board as a committee of the Westmere "
     "Borough Council.", ("PART_OF", "Westmere Health Board", "Westmere Borough Council", "current")),
])
def test_arms_and_committees_of_a_body(sentence: str, expected: tuple[str, str, str, str]) -> None:
    found = read(sentence)
    assert expected in found
    assert [f for f in found if f[0] == "PART_OF"] == [expected]


def test_every_body_of_a_list_merges_into_the_new_one() -> None:
    found = read("The Westmere Safety Partnership and the Eastbury Safety Partnership were merged into the "
                 "Northshire Community Safety Partnership in 2015.")
    assert set(found) == {
        ("MERGED_INTO", "Westmere Safety Partnership", "Northshire Community Safety Partnership", "current"),
        ("MERGED_INTO", "Eastbury Safety Partnership", "Northshire Community Safety Partnership", "current")}


def test_a_nominal_oversight_names_its_doer_in_the_by_phrase() -> None:
    found = read("The Cabinet notes that scrutiny of the Safer Westmere Partnership, which is discharged by the "
                 "Westmere Overview and Scrutiny Board, takes place each year.")
    assert ("OVERSEES", "Westmere Overview and Scrutiny Board", "Safer Westmere Partnership", "current") in found


def test_steering_the_wider_body_is_being_part_of_it() -> None:
    assert read("The Westmere Partnership Board provides strategic direction to the wider Westmere Partnership.") == [
        ("PART_OF", "Westmere Partnership Board", "Westmere Partnership", "current")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The Westmere Youth Group reports into the Westmere Safety Board.",
     ("REPORTS_TO", "Westmere Youth Group", "Westmere Safety Board", "current")),
    ("The Westmere Youth Group reports on a quarterly basis to the Westmere Safety Board.",
     ("REPORTS_TO", "Westmere Youth Group", "Westmere Safety Board", "current")),
    ("The Westmere Youth Group reports its progress twice a year to the Westmere Safety Board.",
     ("REPORTS_TO", "Westmere Youth Group", "Westmere Safety Board", "current")),
    ("The Westmere Youth Group operates under the governance of the Westmere Safety Board.",
     ("ACCOUNTABLE_TO", "Westmere Youth Group", "Westmere Safety Board", "current")),
    ("The Westmere Youth Group is a statutory sub-group of the Westmere Safety Board.",
     ("SUBGROUP_OF", "Westmere Youth Group", "Westmere Safety Board", "current")),
    ("The Westmere Youth Group is a task and finish group of the Westmere Safety Board.",
     ("SUBGROUP_OF", "Westmere Youth Group", "Westmere Safety Board", "current")),
])
def test_common_variants_of_a_reporting_line(sentence: str, expected: tuple[str, str, str, str]) -> None:
    assert read(sentence) == [expected]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The contract for victims' services was awarded to the Northshire Victims Trust by the Westmere Safety Board.",
     ("COMMISSIONS", "Westmere Safety Board", "Northshire Victims Trust", "current")),
    ("The Westmere Safety Board awarded the outreach contract to the Northshire Victims Trust.",
     ("COMMISSIONS", "Westmere Safety Board", "Northshire Victims Trust", "current")),
    ("The Eastbury Safety Partnership is one of the four partnerships that make up the Northshire Safety Board.",
     ("PART_OF", "Eastbury Safety Partnership", "Northshire Safety Board", "current")),
])
def test_contracts_and_the_parts_that_make_up_a_body(sentence: str, expected: tuple[str, str, str, str]) -> None:
    assert read(sentence) == [expected]


def test_money_awarded_is_no_contract() -> None:
    assert read("The Westmere Safety Board awarded a grant of 5,000 pounds to the Northshire Victims Trust.") == []


@pytest.mark.parametrize("sentence", [
    "The Westmere Police Team will take responsibility for directing the activity of the Westmere Outreach Service.",
    "The Westmere Police Team directs the work of the Westmere Outreach Service.",
])
def test_directing_the_work_of_a_body_is_oversight(sentence: str) -> None:
    assert ("OVERSEES", "Westmere Police Team", "Westmere Outreach Service") in [f[:3] for f in read(sentence)]
