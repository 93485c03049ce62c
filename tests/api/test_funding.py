"""/funding and /funding/totals against Neo4j with the seeds loaded: every figure's column, funders and recipients,
unknown filters, and totals that equal the documents' own tables (figures read from the quoted lines below)."""
from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graph.engine import Engine
from graph.readonly import run_read_only
from graph.settings import REPO

LANDSCAPE = (REPO / "seeds" / "004_808a09639abe0ae2.txt").read_text(encoding="utf-8")
# The lines of the 2012 landscape document the figures below are read from (each must be there verbatim).
CSF_TABLE_TOTAL = "Total\t£600,110\t£415,360"
LOCALITY_ROW = "Locality Allocations\t£147,000\t£98,000"
LOCALITY_TOTAL = "Total\t£147,000\t£98,001"
SLP_RECEIVED = "The Safer Leicester Partnership (SLP) has received £184,576 from the Home Office for 2012/13."
SLP_TOTAL = "Total Allocated\t\t169,578\t17,700"
SLP_Q1_SPEND = ["YOS DYO Staff\tStaffing\t35,000\t8,750", "YOS Substance Misuse\tStaffing\t19,000\t4,750",
                "Overall Crime Delivery Group\tCitywatch Training\t40,000\t3,000",
                "\tVehicle Crime Catalytic Converter Marker Kits\t\t1,200", "Domestic Homicide Review\t-\t10,000\tNil",
                "IOM\tStaffing\t55,000\t13,750"]
RUTLAND_RECEIVED = "Allocation in total\t£12,000\t£171,800"
RUTLAND_TOTAL = "Grand Total\t£6,670\t£171,748"
RUTLAND_BCU_ITEMS = ["Community Based Survey\t£2,730\t", "IDVA\t£2,600\t£13,000"]
YJG = ("amounting to £100,108 for Leicestershire and Rutland and £132,860 for Leicester City. This constitutes 13 per "
       "cent of the total youth justice grant of £770,067 for the County and £1,021,996 for Leicester City.")


def pounds(line: str) -> list[int]:
    """The amounts a quoted line states, in order ('Nil' is nothing spent)."""
    assert line in LANDSCAPE, line
    return [0 if x == "Nil" else int(x.replace(",", "")) for x in re.findall(r"\d{1,3}(?:,\d{3})+|\bNil\b", line)]


def verbatim(evidence: list[dict[str, Any]]) -> bool:
    return bool(evidence) and all(
        (REPO / "seeds" / f"{e['doc']}.txt").read_text(encoding="utf-8")[e["start"]:e["end"]] == e["quote"]
        for e in evidence)


def one(rows: list[dict[str, Any]], **wanted: Any) -> dict[str, Any]:
    found = [r for r in rows if all(r.get(k) == v for k, v in wanted.items())]
    assert len(found) == 1, (wanted, len(found))
    return found[0]


def test_every_figure_says_its_column_and_period(client: TestClient) -> None:
    money = client.get("/funding", params={"recipient": "Charnwood"}).json()
    row = one(money["allocations"], amounts_gbp=[32752, 21835])
    assert verbatim(row["evidence"])
    assert [(f["amount_gbp"], f["measure"], f["period"], f["column"]) for f in row["figures"]] == [
        (32752, "Oct 2011 - Mar 2013", "2011-10/2013-03", "18 month Allocation"),
        (21835, "2012-13", "2012-13", "2012-13 Allocation")]
    assert [b["id"] for b in row["recipient_bodies"]] == ["charnwood-community-safety-partnership"]
    assert [a["id"] for a in row["recipient_areas"]] == ["area-charnwood"]
    assert row["funder"] == "leicestershire-safer-communities-strategy-board"
    year = client.get("/funding", params={"recipient": "charnwood", "period": "2012-13"}).json()
    assert [a["amount_gbp"] for a in year["allocations"]] == [21835]


def test_a_spend_column_is_labelled_and_kept_apart_from_the_allocation(client: TestClient) -> None:
    money = client.get("/funding", params={"stream": "Community Safety Fund"}).json()
    row = one(money["allocations"], purpose="YOS DYO Staff")
    assert [(f["measure"], f["period"]) for f in row["figures"]] == [("2012-13", "2012-13"),
                                                                     ("Q1 spend", "2012-04/2012-06")]
    assert row["recipient_bodies"], "the row names the Youth Offending Service: a body, not an area"
    assert not row["recipient_areas"]


def test_money_received_is_a_receipt_with_its_funder(client: TestClient) -> None:
    money = client.get("/funding", params={"recipient": "Safer Leicester Partnership"}).json()
    [received] = [a for a in money["allocations"] if a["flow"] == "receipt"]
    assert received["amount_gbp"] == pounds(SLP_RECEIVED)[0] == 184576
    assert received["funder"] == "home-office" and not received["counted"]
    assert received["evidence"][0]["quote"] == SLP_RECEIVED


def test_who_funds_a_stream_and_what_a_body_funds(client: TestClient) -> None:
    grant = client.get("/funding", params={"stream": "Youth Justice Grant"}).json()
    home_office = one(grant["funders"], funder="home-office", period="2011-12")
    # "amounting to £100,108 for Leicestershire and Rutland and £132,860 for Leicester City": the Home Office's
    # contribution; the whole grants (£770,067, £1,021,996) are stated totals and the police's £91,687 is not this grant.
    contribution, city, county_whole, city_whole = pounds(YJG)
    assert home_office["total_gbp"] == contribution + city == 232968
    assert {t["total_gbp"] for t in grant["totals"]} == {232968}
    wholes = [a for a in grant["allocations"] if a["amount_gbp"] in {county_whole, city_whole}]
    assert len(wholes) == 2 and all(a["row_kind"] == "total" and not a["counted"] for a in wholes)
    by_home_office = client.get("/funding", params={"funder": "Home Office"}).json()
    assert by_home_office["allocations"] and {a["funder"] for a in by_home_office["allocations"]} == {"home-office"}
    assert 184576 in [a["amount_gbp"] for a in by_home_office["allocations"]]
    police = client.get("/funding", params={"funder": "leicestershire-police"}).json()
    assert [a["amount_gbp"] for a in police["allocations"]] == [91687]


@pytest.mark.parametrize(("name", "value", "close"), [
    ("stream", "Community Safety Fnd", "stream-community-safety-fund"),
    ("recipient", "Charnwod", "area-charnwood"),
    ("funder", "Home Ofice", "home-office"),
])
def test_an_unknown_filter_is_a_bad_parameter_with_suggestions(client: TestClient, name: str, value: str,
                                                              close: str) -> None:
    for path in ("/funding", "/funding/totals") if name != "recipient" else ("/funding",):
        response = client.get(path, params={name: value})
        assert response.status_code == 422, path
        error = response.json()["error"]
        assert error["code"] == "invalid_parameters" and value in error["message"]
        assert close in [s["id"] for s in error["suggestions"]]


def test_totals_per_table_equal_the_documents_tables(client: TestClient) -> None:
    totals = client.get("/funding/totals", params={"stream": "Community Safety Fund"}).json()
    tables = totals["tables"]
    first = one(tables, table="004_808a09639abe0ae2#table1", measure="2012-13")
    assert first["computed_gbp"] == first["stated_gbp"] == pounds(CSF_TABLE_TOTAL)[1] == 415360
    assert one(tables, table="004_808a09639abe0ae2#table1", measure="Oct 2011 - Mar 2013")["stated_gbp"] == 600110
    locality = one(tables, table="004_808a09639abe0ae2#table2", measure="2012-13")
    assert locality["computed_gbp"] == locality["stated_gbp"] == pounds(LOCALITY_TOTAL)[1] == 98001
    money = client.get("/funding", params={"stream": "Community Safety Fund"}).json()
    locality_row = one(money["allocations"], purpose="Locality Allocations")
    assert locality_row["amounts_gbp"] == pounds(LOCALITY_ROW) and locality_row["counted"]
    assert locality["counted_gbp"] == 0 and locality["breakdown_of"] == [locality_row["id"]]
    slp = one(tables, table="004_808a09639abe0ae2#table3", measure="2012-13")
    assert slp["computed_gbp"] == slp["stated_gbp"] == pounds(SLP_TOTAL)[0] == 169578
    spend = one(tables, table="004_808a09639abe0ae2#table3", measure="Q1 spend")
    assert spend["stated_gbp"] == pounds(SLP_TOTAL)[1] == 17700
    assert spend["computed_gbp"] == sum(pounds(line)[-1] for line in SLP_Q1_SPEND) == 31450
    assert spend["difference_gbp"] == 31450 - 17700


def test_the_community_safety_fund_adds_up_once(client: TestClient) -> None:
    """2012-13: Leicestershire's table (£415,360, of which the locality row's £98,000 is broken down by district)
    plus what the Safer Leicester Partnership allocated (£169,578), not what it received (£184,576)."""
    totals = client.get("/funding/totals", params={"stream": "community-safety-fund", "period": "2012-13"}).json()
    [stream] = totals["streams"]
    expected = pounds(CSF_TABLE_TOTAL)[1] + pounds(SLP_TOTAL)[0]
    assert stream["computed_gbp"] == stream["stated_gbp"] == expected == 584938
    assert stream["difference_gbp"] == 0 and stream["received_gbp"] == 184576
    bodies = {b["funder"]: b for b in totals["bodies"]}
    assert bodies["leicestershire-safer-communities-strategy-board"]["computed_gbp"] == 415360
    # "The SLP Executive has agreed to fund the following": the table's funder is the body its introduction names.
    [city] = [b for b in totals["bodies"] if "004_808a09639abe0ae2#table3" in b["tables"]]
    assert city["computed_gbp"] == city["stated_gbp"] == 169578
    assert bodies["safer-leicester-partnership"]["received_gbp"] == 184576
    money = client.get("/funding", params={"stream": "Community Safety Fund", "period": "2012-13"}).json()
    assert [t["total_gbp"] for t in money["totals"] if t["measure"] == "2012-13"] == [expected]


def test_a_body_with_two_sources_shows_each_beside_its_stated_total(client: TestClient) -> None:
    totals = client.get("/funding/totals", params={"funder": "Safer Rutland Partnership"}).json()
    bodies = {b["measure"]: b for b in totals["bodies"]}
    bcu, council = bodies["BCU funding"], bodies["Council revenue funding"]
    assert bcu["computed_gbp"] == sum(pounds(line)[0] for line in RUTLAND_BCU_ITEMS) == 5330
    assert (bcu["stated_gbp"], council["stated_gbp"]) == tuple(pounds(RUTLAND_TOTAL)) == (6670, 171748)
    assert council["computed_gbp"] == 171748 and council["difference_gbp"] == 0
    assert (bcu["received_gbp"], council["received_gbp"]) == tuple(pounds(RUTLAND_RECEIVED)) == (12000, 171800)


def test_mismatches_are_findings_beside_the_totals(client: TestClient) -> None:
    findings = client.get("/funding/totals").json()["findings"]
    rules = {(f["rule"], f["line"]) for f in findings}
    line_of = {text: LANDSCAPE[:LANDSCAPE.index(text)].count("\n") + 1 for text in (LOCALITY_TOTAL, SLP_TOTAL,
                                                                                       RUTLAND_TOTAL)}
    assert ("breakdown-mismatch", line_of[LOCALITY_TOTAL]) in rules  # £98,001 by district, £98,000 in the row
    assert ("total-mismatch", line_of[SLP_TOTAL]) in rules  # Q1 spend: £31,450 of items, £17,700 stated
    assert ("total-mismatch", line_of[RUTLAND_TOTAL]) in rules  # BCU: £5,330 of items, £6,670 stated
    locality = next(f for f in findings if f["rule"] == "breakdown-mismatch")
    assert "£98,001" in locality["message"] and "£98,000" in locality["message"] and pounds(LOCALITY_ROW) == [147000,
                                                                                                         98000]


def test_an_allocation_with_two_recipients_is_listed_once(client: TestClient) -> None:
    money = client.get("/funding").json()
    ids = [row["id"] for row in money["allocations"]]
    assert len(ids) == len(set(ids))
    counted: dict[tuple[Any, ...], int] = {}
    for row in money["allocations"]:
        for figure in row["figures"] if row["counted"] else []:
            key = (row["stream"], figure["measure"], figure["period"])
            counted[key] = counted.get(key, 0) + figure["amount_gbp"]
    assert {(t["stream"], t["measure"], t["period"]): t["total_gbp"] for t in money["totals"]} == counted


def test_the_money_query_in_the_cypher_readme_runs_and_adds_up(loaded_engine: Engine) -> None:
    section = (REPO / "cypher" / "README.md").read_text(encoding="utf-8").split("## Money", 1)[1]
    query = section.split("```cypher\n", 1)[1].split("```", 1)[0]
    rows = run_read_only(loaded_engine, query, {}, 100).rows
    by_measure = {row["measure"]: row["total_gbp"] for row in rows}
    assert by_measure["2012-13"] == pounds(CSF_TABLE_TOTAL)[1] + pounds(SLP_TOTAL)[0]


def test_receipts_and_a_column_on_their_own(client: TestClient) -> None:
    received = client.get("/funding", params={"flow": "receipt"}).json()
    assert {a["flow"] for a in received["allocations"]} == {"receipt"} and not received["totals"]
    assert {184576, *pounds(RUTLAND_RECEIVED)} <= {a["amount_gbp"] for a in received["allocations"]}
    spend = client.get("/funding", params={"measure": "Q1 spend"}).json()
    assert [t["total_gbp"] for t in spend["totals"]] == [sum(pounds(line)[-1] for line in SLP_Q1_SPEND)]
    assert client.get("/funding", params={"flow": "spent"}).status_code == 422
