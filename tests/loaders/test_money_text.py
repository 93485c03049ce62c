"""Money in sentences: amounts with scale words and qualifiers, the giver, the receiver and the period."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph.model import Facts
from loaders.money_text import amounts
from loaders.pipeline import load_directory


@pytest.mark.parametrize(("text", "value", "qualifier"), [
    ("a grant of £2m", 2_000_000, None), ("£1.5 million", 1_500_000, None), ("£250k", 250_000, None),
    ("approximately £40,000", 40_000, "approximately"), ("over £3 million", 3_000_000, "over"),
    ("£53,913.75", 53_914, None),
])
def test_amounts_read_scale_words_and_qualifiers(text: str, value: int, qualifier: str | None) -> None:
    (found,) = amounts(text)
    assert (found.value, found.qualifier) == (value, qualifier)


def test_a_rate_is_not_an_amount() -> None:
    assert amounts("£5 per head of population") == []


def allocations(facts: Facts) -> list[tuple[int, str | None, str | None, str | None]]:
    out = []
    for node in facts.nodes.values():
        if node.label != "Allocation":
            continue
        ends = {r.type: facts.nodes[r.end].name for r in facts.relationships.values() if r.start == node.id}
        out.append((int(str(node.properties["amount_gbp"])), str(node.properties.get("period") or "") or None,
                    ends.get("ALLOCATED_BY"),
                    ends.get("ALLOCATED_TO")))
    return sorted(out)


@pytest.fixture
def funding(tmp_path: Path) -> Facts:
    (tmp_path / "fund.txt").write_text(
        "Northshire Community Safety Funding\n\n"
        "The Northshire Police and Crime Commissioner has awarded £1.5 million to the Eastbury Community Safety "
        "Partnership for 2013/14.\n\n"
        "The Westbury Youth Offending Service will receive £250k in 2013-14.\n\n"
        "In 2014/15 the Northshire Joint Committee provided the Westbury Safety Partnership with £761,520.\n\n"
        "Grants awarded:\n\n- Westbury Mountain Rescue \u2013 \u00a33,500\n", encoding="utf-8")
    return load_directory(tmp_path)


def test_giver_receiver_and_period_come_from_the_sentence(funding: Facts) -> None:
    found = allocations(funding)
    assert (1_500_000, "2013-14", "Northshire Police and Crime Commissioner", "Eastbury Community Safety Partnership") in found
    assert (761_520, "2014-15", "Northshire Joint Committee", "Westbury Safety Partnership") in found


def test_without_a_giver_in_the_sentence_the_last_named_giver_or_the_commissioner_gives(funding: Facts) -> None:
    found = allocations(funding)
    assert (250_000, "2013-14", "Northshire Police and Crime Commissioner", "Westbury Youth Offending Service") in found
    assert (3_500, None, "Northshire Joint Committee", "Westbury Mountain Rescue") in found


def test_an_amount_nobody_gives_or_receives_is_not_an_allocation(tmp_path: Path) -> None:
    (tmp_path / "costs.txt").write_text(
        "Northshire Community Safety Funding\n\n"
        "The Northshire Police and Crime Commissioner has awarded £1.5 million to the Eastbury Community Safety "
        "Partnership for 2013/14.\n\n"
        "Research shows that for every £1 spent on treatment, the public sector saves £5.\n\n"
        "The annual budget for the Westbury Youth Offending Service is approximately £140,000.\n\n"
        "Between them, the police and the councils spend about £2 billion in Northshire.\n", encoding="utf-8")
    assert [a[0] for a in allocations(load_directory(tmp_path))] == [1_500_000]


def test_each_amount_goes_to_the_name_in_its_own_clause(tmp_path: Path) -> None:
    (tmp_path / "shares.txt").write_text(
        "Northshire Community Safety Funding\n\n"
        "The Northshire Police and Crime Commissioner has awarded £1.5 million to the Eastbury Community Safety "
        "Partnership for 2013/14.\n\n"
        "Westbury Borough Council receives £388,000 with Northbury Borough Council being awarded £374,000, "
        "Southbury receiving £204,000.\n", encoding="utf-8")
    receivers = {a[0]: a[3] for a in allocations(load_directory(tmp_path))}
    assert receivers[388_000] == "Westbury Borough Council"
    assert receivers[374_000] == "Northbury Borough Council"
    assert receivers[204_000] == "Southbury"


def _load(tmp_path: Path, text: str) -> Facts:
    (tmp_path / "grants.txt").write_text(text, encoding="utf-8")
    return load_directory(tmp_path)


def test_grant_lines_read_as_headings_name_the_organiser_and_the_commissioner(tmp_path: Path) -> None:
    facts = _load(tmp_path, "The Police and Crime Commissioner supports local groups.\n"
                            "In 2020/21 the PCC awarded grants to them.\n"
                            "Harvest Fair (organised by Eastmoor Arts Ltd) \u2013 \u00a3750\n"
                            "The PCC said the fair was a great success.\n"
                            "Westbury Mountain Rescue \u2013 \u00a32,500\n")
    found = [(a, f, t) for a, _, f, t in allocations(facts) if t is not None]
    assert found == [(750, "Police and Crime Commissioner", "Eastmoor Arts Ltd"),
                     (2500, "Police and Crime Commissioner", "Westbury Mountain Rescue")]


def test_labelled_grant_records_with_the_value_on_the_same_line(tmp_path: Path) -> None:
    facts = _load(tmp_path, "The Police and Crime Commissioner funds community projects.\n\n"
                            "Community Grants 2018/19\n\n"
                            "Summer Games\n"
                            "Reason: The Northvale Youth Trust ran a week of games.\n"
                            "Recipient: Northvale Youth Trust\n"
                            "2018/19 Allocation: \u00a3900\n"
                            "Winter Lights\n"
                            "Recipient: Eastmoor Residents Association\n"
                            "Allocation: \u00a3250\n")
    assert allocations(facts) == [(250, "2018-19", "Police and Crime Commissioner", "Eastmoor Residents Association"),
                                  (900, "2018-19", "Police and Crime Commissioner", "Northvale Youth Trust")]


def test_labelled_grant_records_with_values_under_their_labels(tmp_path: Path) -> None:
    facts = _load(tmp_path, "GRANTS 2017/18\n\n"
                            "The Police and Crime Commissioner approved the grants below.\n\n"
                            "Amount:\n\n\u00a312,000\n\nWho received the funding:\n\nNorthshire County Council\n\n"
                            "Purpose:\n\nA shared crime map\n\n"
                            "Amount:\n\n5,000\n\nWho received the funding:\n\nVictims Emergency Fund\n")
    # the commissioner of the one place the document names
    pcc = "Northshire Police and Crime Commissioner"
    assert allocations(facts) == [(5000, "2017-18", pcc, None), (12000, "2017-18", pcc, "Northshire County Council")]
    purposes = {n.properties.get("purpose") for n in facts.nodes.values() if n.label == "Allocation"}
    assert "A shared crime map" in purposes


def _rels(facts: Facts, rel_type: str) -> set[tuple[str, str]]:
    return {(r.start, r.end) for r in facts.relationships.values() if r.type == rel_type}


def test_amount_led_grant_lines_and_their_yearly_parts_as_a_breakdown(tmp_path: Path) -> None:
    facts = _load(tmp_path, "The amounts to be granted to boroughs by NSPO following receipt will be:\n\n"
                            "\u00a3300,000 to Eastmoor (\u00a3100,000 in FY 2023/24 and \u00a3200,000 in FY 2024/25).\n\n"
                            "\u00a350,000 to Westmere.\n")
    assert allocations(facts) == [(50000, None, "NSPO", "Westmere"),
                                  (100000, "2023-24", "NSPO", "Eastmoor"),
                                  (200000, "2024-25", "NSPO", "Eastmoor"),
                                  (300000, "2023-04/2025-03", "NSPO", "Eastmoor")]
    whole = next(n.id for n in facts.nodes.values() if n.properties.get("amount_gbp") == 300000)
    parts = {facts.nodes[a].properties["amount_gbp"] for a, b in _rels(facts, "BREAKDOWN_OF") if b == whole}
    assert parts == {100000, 200000}


def test_an_allocation_to_a_place_named_before_the_amount(tmp_path: Path) -> None:
    facts = _load(tmp_path, "The Police and Crime Commissioner provides funding for every district.\n\n"
                            "The allocation to Eastmoor District for 2021/2022 is \u00a341,000\n")
    assert (41000, "2021-22", "Police and Crime Commissioner", "Eastmoor District") in allocations(facts)


def test_a_body_applying_for_money_receives_it_from_the_other_body_named(tmp_path: Path) -> None:
    facts = _load(tmp_path, "In May the Home Office confirmed that the Northvale Community Safety Partnership had been "
                            "successful in applying for \u00a3120,000 in funding.\n")
    assert allocations(facts) == [(120000, None, "Home Office", "Northvale Community Safety Partnership")]


def test_a_giver_the_document_defines_as_an_acronym_stays_the_defined_body(tmp_path: Path) -> None:
    facts = _load(tmp_path, "The Northvale Community Safety Board (NCSB) funds local boards.\n\n"
                            "NCSB has awarded \u00a39,000 to the Eastmoor Safer Neighbourhood Board.\n")
    assert allocations(facts) == [(9000, None, "Northvale Community Safety Board",
                                   "Eastmoor Safer Neighbourhood Board")]
