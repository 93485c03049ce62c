"""loaders.tables: money tables and money in sentences, on small documents written for the rule under test
(no database): breakdowns tied to the row they break down, stated totals kept apart, receipts apart from
allocations, readable column labels, and amounts no document can mean refused with the line named."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph.model import Facts, Node
from loaders.extract import extract_documents
from loaders.read import DocumentError, read_document
from loaders.tables import amount_of, column_of, readable_period

PLAN = """Safer Northby Partnership Plan

Funding

Community Safety Fund

The Northby Community Safety Board has agreed the use of the Community Safety Fund in 2013/14 as follows.

Activity\tApr 2013 to Mar 2015\t2013-14 allocation
Reducing re-offending:\t\t
Integrated Offender Management\t£100,000\t£60,000
Protecting victims:\t£30,000\t£20,000
Domestic Abuse Outreach\t£20,000\t£12,000
Hate Crime Advocacy\t£10,000\t£8,000
Local work:\t\t
Locality Allocations\t£50,000\t£30,000
Total\t£180,000\t£111,000

The locality allocations to each ward are as follows:

Ward\t24 month Allocation\t2013-14 Allocation
North Ward\t£20,000\t£12,000
South Ward\t£30,000\t£18,500
Total\t£50,000\t£30,500

The Northby Community Safety Board has received £150,000 from the Home Office for 2013/14.

Ward Budget 2013/14

\tPolice funding\tCouncil revenue funding
Allocation in total\t£5,000\t£40,000
Street Pastors\t£1,000\t£9,000
CCTV monitoring\t\t£30,000
Grand Total\t£2,000\t£39,000

Spending in 2013/14

Proposal\tAmount Agreed (£)\t1 st Quarter Spend 1 st April - 30 th June 2013 (£)
Youth Diversion\t35,000\t8,750
Total Allocated\t35,000\t8,750
"""


def facts_of(tmp_path: Path, text: str, name: str = "plan.txt") -> Facts:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract_documents([read_document(path)])


@pytest.fixture
def plan(tmp_path: Path) -> Facts:
    return facts_of(tmp_path, PLAN)


def allocation(facts: Facts, purpose: str, table: int | None = None) -> Node:
    found = [n for n in facts.nodes.values() if n.label == "Allocation" and n.properties.get("purpose") == purpose
             and (table is None or str(n.properties.get("table")).endswith(f"#table{table}"))]
    assert len(found) == 1, (purpose, [n.id for n in found])
    return found[0]


def ends(facts: Facts, start: str, rel_type: str) -> set[str]:
    return {r.end for r in facts.relationships.values() if r.type == rel_type and r.start == start}


def test_a_breakdown_table_is_tied_to_the_row_it_breaks_down(plan: Facts) -> None:
    locality = allocation(plan, "Locality Allocations")
    for ward in ("North Ward", "South Ward"):
        assert ends(plan, allocation(plan, ward).id, "BREAKDOWN_OF") == {locality.id}
    # The breakdown's items add up to £30,500 in 2013-14; the row it breaks down says £30,000.
    [finding] = [f for f in plan.findings if f.rule == "breakdown-mismatch"]
    assert "£30,500" in finding.message and "£30,000" in finding.message and "2013-14" in finding.message
    assert "£50,000" not in finding.message  # the two-year column agrees, so it is not reported


def test_rows_under_a_subtotal_are_tied_to_it_and_the_subtotal_is_not_an_item(plan: Facts) -> None:
    subtotal = allocation(plan, "Protecting victims:")
    assert subtotal.properties["row_kind"] == "subtotal"
    for purpose in ("Domestic Abuse Outreach", "Hate Crime Advocacy"):
        assert ends(plan, allocation(plan, purpose).id, "BREAKDOWN_OF") == {subtotal.id}
    assert not ends(plan, allocation(plan, "Integrated Offender Management").id, "BREAKDOWN_OF")
    assert not [f for f in plan.findings if f.rule == "subtotal-mismatch"]  # £20,000 = £12,000 + £8,000


def test_a_stated_total_is_the_tables_own_sum_and_a_mismatch_is_a_finding(plan: Facts) -> None:
    total = allocation(plan, "Total", table=1)
    assert total.properties["row_kind"] == "total"
    assert not ends(plan, total.id, "ALLOCATED_TO")
    # Items of the 2013-14 column: 60,000 + 12,000 + 8,000 + 30,000 = 110,000; the table states 111,000.
    messages = [f.message for f in plan.findings if f.rule == "total-mismatch"]
    assert any("£111,000" in m and "£110,000" in m and "'2013-14'" in m for m in messages), messages
    assert not any("£180,000" in m for m in messages)  # 100,000 + 20,000 + 10,000 + 50,000 = 180,000


def test_money_received_is_a_receipt_not_an_allocation(plan: Facts) -> None:
    received = [n for n in plan.nodes.values() if n.label == "Allocation" and n.properties.get("amount_gbp") == 150000]
    assert len(received) == 1 and received[0].properties["flow"] == "receipt"
    assert ends(plan, received[0].id, "ALLOCATED_BY") == {"home-office"}
    assert ends(plan, received[0].id, "ALLOCATED_TO") == {"northby-community-safety-board"}
    # A total above the items ("Allocation in total") is what the body has to spend: a receipt, one per source.
    top = [n for n in plan.nodes.values() if n.label == "Allocation" and n.properties.get("purpose") ==
           "Allocation in total"]
    assert {n.properties["flow"] for n in top} == {"receipt"}
    assert {n.properties["amount_gbp"] for n in top} == {5000, 40000}
    item = allocation(plan, "Youth Diversion")
    assert item.properties["flow"] == "allocation"


def test_a_column_that_names_a_source_is_the_stream_of_its_cells(plan: Facts) -> None:
    streets = [n for n in plan.nodes.values() if n.label == "Allocation" and n.properties.get("purpose") ==
               "Street Pastors"]
    assert {n.properties["measures"][0] for n in streets} == {"Police funding", "Council revenue funding"}  # type: ignore[index]
    streams = {n.properties["amount_gbp"]: ends(plan, n.id, "FROM_STREAM") for n in streets}
    assert streams == {1000: {"stream-police-funding"}, 9000: {"stream-council-revenue-funding"}}
    messages = [f.message for f in plan.findings if f.rule == "total-mismatch"]
    assert any("£2,000" in m and "£1,000" in m and "Police funding" in m for m in messages), messages


def test_every_figure_says_its_column_and_period(plan: Facts) -> None:
    iom = allocation(plan, "Integrated Offender Management")
    assert iom.properties["measures"] == ["Apr 2013 - Mar 2015", "2013-14"]
    assert iom.properties["periods"] == ["2013-04/2015-03", "2013-14"]
    assert iom.properties["columns"] == ["Apr 2013 to Mar 2015", "2013-14 allocation"]
    north = allocation(plan, "North Ward")  # "24 month Allocation": the 24 months an earlier column spans
    assert north.properties["measures"] == ["Apr 2013 - Mar 2015", "2013-14"]
    youth = allocation(plan, "Youth Diversion")  # "Amount Agreed": the period the heading or introduction gives
    assert youth.properties["measures"] == ["2013-14", "Q1 spend"]
    assert youth.properties["periods"] == ["2013-14", "2013-04/2013-06"]


@pytest.mark.parametrize(("header", "measure", "period"), [
    ("Oct 2011 to Mar 2013", "Oct 2011 - Mar 2013", "2011-10/2013-03"),
    ("2012-13 allocation", "2012-13", "2012-13"),
    ("1 st Quarter Spend 1 st April \u2013 30 th June 2012 (£)", "Q1 spend", "2012-04/2012-06"),
    ("18 month Allocation", "Oct 2011 - Mar 2013", "2011-10/2013-03"),
    ("Amount Agreed (£)", "2012-13", "2012-13"),
    ("Council revenue funding", "Council revenue funding", "2012-13"),
])
def test_column_labels(header: str, measure: str, period: str) -> None:
    column = column_of(2, header, "2012-13", ["2011-10/2013-03"])
    assert (column.measure, column.period) == (measure, period)


def test_readable_periods() -> None:
    assert readable_period("2012-04/2012-06") == "Apr - Jun 2012"
    assert readable_period("2012-13") == "2012-13"
    assert readable_period(None) is None


def test_a_figure_no_document_can_mean_is_refused_with_its_line(tmp_path: Path) -> None:
    huge = PLAN.replace("Hate Crime Advocacy\t£10,000", "Hate Crime Advocacy\t£" + "9" * 25)
    with pytest.raises(DocumentError) as raised:
        facts_of(tmp_path, huge)
    line = PLAN.splitlines().index("Hate Crime Advocacy\t£10,000\t£8,000") + 1
    assert raised.value.line == line and "cannot be a real figure" in str(raised.value)


def test_a_figure_in_a_sentence_no_document_can_mean_is_refused(tmp_path: Path) -> None:
    huge = PLAN.replace("has received £150,000", "has received £" + "9" * 400)
    with pytest.raises(DocumentError) as raised:
        facts_of(tmp_path, huge)
    assert "cannot be a real figure" in str(raised.value) and raised.value.line > 1


def test_a_table_with_money_but_no_readable_amounts_is_a_finding(tmp_path: Path) -> None:
    text = PLAN + "\nOther money\n\nProject\tCost\nCCTV upgrade\t£1.2m or so\nRadios\t£3k-£5k\n"
    facts = facts_of(tmp_path, text)
    [finding] = [f for f in facts.findings if f.rule == "unread-table"]
    assert "£1.2m or so" in finding.message and finding.evidence[0].quote == "£1.2m or so"


def test_an_unreadable_cell_is_a_finding_and_its_row_keeps_the_other_figures(tmp_path: Path) -> None:
    text = PLAN + "\nOther money\n\nProject\t2013-14\t2014-15\nCCTV upgrade\t£3k-£5k\t£4,000\nRadios\t£2,000\t£2,500\n"
    facts = facts_of(tmp_path, text)
    [finding] = [f for f in facts.findings if f.rule == "unread-table"]
    assert finding.evidence[0].quote == "£3k-£5k"
    assert allocation(facts, "CCTV upgrade").properties["amounts_gbp"] == [4000]


@pytest.mark.parametrize(("cell", "pounds"), [
    ("£20,938", 20938), ("35,000", 35000), ("10,578 (To be confirmed)", 10578), ("Nil", 0), ("£1.2m", 1_200_000),
    ("£250k", 250_000), ("c. £5,000", 5000), ("approx. £3.3 million", 3_300_000), ("Staffing", None), ("-", None),
])
def test_cell_amounts(cell: str, pounds: int | None) -> None:
    assert amount_of(cell) == pounds


def test_a_table_whose_stated_total_equals_an_earlier_row_in_two_periods_breaks_it_down(tmp_path: Path) -> None:
    text = PLAN.replace("The locality allocations to each ward are as follows:", "By ward:")
    text = text.replace("South Ward\t£30,000\t£18,500\nTotal\t£50,000\t£30,500",
                        "South Ward\t£30,000\t£18,000\nTotal\t£50,000\t£30,000")
    facts = facts_of(tmp_path, text)
    locality = allocation(facts, "Locality Allocations")
    assert ends(facts, allocation(facts, "South Ward").id, "BREAKDOWN_OF") == {locality.id}
    # One equal figure is not enough: Youth Diversion's £35,000 is nobody's breakdown.
    assert not ends(facts, allocation(facts, "Youth Diversion").id, "BREAKDOWN_OF")


PROSE = """Safer Northby Partnership Plan

Funding

Youth Justice Grant

In 2013/14, the Home Office provided a contribution to the Youth Justice Grant amounting to £50,000 for Northby. This constitutes 10 per cent of the total youth justice grant of £500,000 for Northby.

Northby Police also contributes £40,000 per annum to the Northby Youth Offending Service.

The Home Office DIP budget of £70,000 for treatment services is pooled.
"""


def amounts(facts: Facts) -> dict[int, Node]:
    return {int(n.properties["amount_gbp"]): n for n in facts.nodes.values()  # type: ignore[arg-type]
            if n.label == "Allocation"}


def test_money_in_sentences_has_its_funder_recipient_and_stated_wholes(tmp_path: Path) -> None:
    facts = facts_of(tmp_path, PROSE)
    found = amounts(facts)
    contribution, whole, police, budget = found[50000], found[500000], found[40000], found[70000]
    assert ends(facts, contribution.id, "ALLOCATED_BY") == {"home-office"}  # the subject that provided it
    assert ends(facts, contribution.id, "FROM_STREAM") == {"stream-youth-justice-grant"}
    assert contribution.properties["row_kind"] == "item" and contribution.properties["measures"] == ["2013-14"]
    assert whole.properties["row_kind"] == "total"  # "the total youth justice grant of £500,000": not added again
    # A body's own contribution is not the section's stream, and it goes to the service the sentence names.
    assert ends(facts, police.id, "ALLOCATED_BY") == {"northby-police"} and not ends(facts, police.id, "FROM_STREAM")
    assert ends(facts, police.id, "ALLOCATED_TO") == {"northby-youth-offending-service"}
    assert police.properties["measures"] == ["per annum"]
    assert ends(facts, budget.id, "ALLOCATED_BY") == {"home-office"}  # "The Home Office DIP budget of £70,000"


BUDGET = """The Safer Westmere Partnership works with Westmere District Council and Eastmoor District Council.

Safer Westmere Partnership Budget 2016/17

\tPolice funding\tCouncil revenue funding
Allocation in total\t£2,000\t£30,000
Victim Support Grant\t\t£700
Street Pastors\t£1,000\t£9,000
Grand Total\t£1,000\t£9,700
"""


def test_council_funding_in_a_partnership_s_budget_comes_from_the_council_of_its_place(tmp_path: Path) -> None:
    facts = facts_of(tmp_path, BUDGET)
    top = {n.properties["amount_gbp"]: ends(facts, n.id, "ALLOCATED_BY") for n in facts.nodes.values()
           if n.label == "Allocation" and n.properties.get("purpose") == "Allocation in total"}
    assert top[30000] == {"westmere-district-council"}
    assert top[2000] == set()  # "Police funding" names no body of the place: no giver is guessed


def test_a_grant_named_after_an_organisation_goes_to_it(tmp_path: Path) -> None:
    facts = facts_of(tmp_path, BUDGET)
    grant = allocation(facts, "Victim Support Grant")
    assert {facts.nodes[e].name for e in ends(facts, grant.id, "ALLOCATED_TO")} == {"Victim Support"}
    assert ends(facts, grant.id, "ALLOCATED_BY") == {"safer-westmere-partnership"}
