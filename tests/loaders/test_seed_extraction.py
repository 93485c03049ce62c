"""The seed documents extract to the facts the issue names, with verbatim evidence on everything."""
from __future__ import annotations

import re

from graph.model import Facts
from loaders.pipeline import read_directory
from tests.conftest import SEEDS


def rels(facts: Facts, rel_type: str, start: str | None = None, end: str | None = None) -> list:
    return [r for r in facts.relationships.values() if r.type == rel_type
            and (start is None or r.start == start) and (end is None or r.end == end)]


def test_every_node_and_relationship_has_verbatim_evidence(seed_facts: Facts) -> None:
    texts = {doc.id: doc.text for doc in read_directory(SEEDS)}
    items = list(seed_facts.nodes.values()) + list(seed_facts.relationships.values())
    assert items
    for item in items:
        assert item.evidence, item
        for ev in item.evidence:
            assert texts[ev.doc][ev.start:ev.end] == ev.quote
            assert ev.method


def test_all_five_documents_are_loaded_with_dates(seed_facts: Facts) -> None:
    docs = [n for n in seed_facts.nodes.values() if n.label == "Document"]
    assert len(docs) == 5
    assert all(d.properties.get("date") for d in docs)


def test_asb_group_and_reducing_reoffending_board_will_be_subgroups_of_the_spb(seed_facts: Facts) -> None:
    for body in ("anti-social-behaviour-strategy-group", "reducing-re-offending-programme-board"):
        found = rels(seed_facts, "SUBGROUP_OF", body, "strategic-partnership-board")
        assert len(found) == 1
        assert found[0].properties["status"] in {"planned", "proposed"}


def test_cspb_and_lcjb_merge_into_the_spb_and_do_not_report_to_it(seed_facts: Facts) -> None:
    for body in ("community-safety-programme-board", "local-criminal-justice-board"):
        merged = rels(seed_facts, "MERGED_INTO", body, "strategic-partnership-board")
        assert len(merged) == 1
        assert merged[0].properties["valid_from"] == "2012-09"
        for rel_type in ("REPORTS_TO", "SUBGROUP_OF", "ACCOUNTABLE_TO", "PART_OF"):
            assert rels(seed_facts, rel_type, body, "strategic-partnership-board") == []
        assert seed_facts.nodes[body].properties["status"] == "merged"


def test_domestic_violence_delivery_group_reports_to_the_slp_which_is_the_top(seed_facts: Facts) -> None:
    assert rels(seed_facts, "REPORTS_TO", "domestic-violence-delivery-group", "safer-leicester-partnership")
    for rel_type in ("REPORTS_TO", "SUBGROUP_OF", "ACCOUNTABLE_TO", "PART_OF"):
        assert rels(seed_facts, rel_type, "safer-leicester-partnership") == []


def test_charnwood_locality_allocation_has_both_amounts_and_periods(seed_facts: Facts) -> None:
    csp = "charnwood-community-safety-partnership"
    allocations = [seed_facts.nodes[r.start] for r in rels(seed_facts, "ALLOCATED_TO", end=csp)]
    assert len(allocations) == 1
    props = allocations[0].properties
    assert props["amounts_gbp"] == [32752, 21835]
    assert props["periods"] == ["2011-10/2013-03", "2012-13"]
    assert rels(seed_facts, "FROM_STREAM", allocations[0].id, "stream-community-safety-fund")


def test_cjscg_is_accountable_to_three_partnerships(seed_facts: Facts) -> None:
    ends = {r.end for r in rels(seed_facts, "ACCOUNTABLE_TO", "criminal-justice-strategic-commissioning-group")}
    assert ends == {"safer-leicester-partnership", "leicestershire-substance-misuse-partnership-board",
                    "safer-rutland-partnership"}


def test_cspb_is_one_node_under_its_names(seed_facts: Facts) -> None:
    node = seed_facts.nodes["community-safety-programme-board"]
    assert node.name == "Community Safety Programme Board"
    assert {"CSPB", "Community Safety Partnership Board"} <= set(node.aliases)
    others = [n for n in seed_facts.nodes.values() if n.label == "Body" and n.id != node.id
              and ({n.name, *n.aliases} & {"CSPB", "Community Safety Partnership Board"})]
    assert others == []


def test_totals_that_do_not_add_up_are_findings_not_fixes(seed_facts: Facts) -> None:
    messages = [f.message for f in seed_facts.findings]
    assert any("Grand Total" in m and "£6,670" in m and "£5,330" in m for m in messages)
    grand = [n for n in seed_facts.nodes.values() if n.label == "Allocation" and n.properties.get("purpose") ==
             "Grand Total"]
    assert grand and grand[0].properties["amount_gbp"] == 6670  # the stated figure is kept as stated


def test_priorities_are_verbatim_and_themed(seed_facts: Facts) -> None:
    slp = [seed_facts.nodes[r.end] for r in rels(seed_facts, "HAS_PRIORITY", "safer-leicester-partnership")]
    texts = {p.properties["text"] for p in slp}
    assert {"Overall crime", "Domestic violence", "Reduce re-offending", "Alcohol"} <= texts
    dv = next(p for p in slp if p.properties["text"] == "Domestic violence")
    assert rels(seed_facts, "ABOUT", dv.id, "theme-domestic-abuse")


def test_no_phone_numbers_or_email_addresses_are_stored(seed_facts: Facts) -> None:
    phone = re.compile(r"\b0\d{2,4}[ -]?\d{3,4}[ -]?\d{3,4}\b")
    email = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
    for node in seed_facts.nodes.values():
        blobs = [node.name, *node.aliases, *map(str, node.properties.values()), *(e.quote for e in node.evidence)]
        for blob in blobs:
            assert not phone.search(blob) and not email.search(blob), (node.id, blob)
    for rel in seed_facts.relationships.values():
        for ev in rel.evidence:
            assert not phone.search(ev.quote) and not email.search(ev.quote), (rel.key, ev.quote)


def test_chairs_renames_and_parts(seed_facts: Facts) -> None:
    assert rels(seed_facts, "CHAIRED_BY", "community-safety-programme-board", "role-chief-constable")
    assert rels(seed_facts, "CHAIRED_BY", "city-partnership-board", "role-city-mayor")
    assert rels(seed_facts, "SUCCEEDED_BY", "one-leicester", "city-partnership")
    assert seed_facts.nodes["one-leicester"].properties["status"] == "renamed"
    parts = {r.start for r in rels(seed_facts, "PART_OF", end="leicestershire-together")}
    assert {"leicestershire-safer-communities-strategy-board", "environment-board"} <= parts


def test_a_negative_statement_gives_no_line_of_responsibility(seed_facts: Facts) -> None:
    # "the Board has no direct responsibility for individual Community Safety Partnerships"
    for rel_type in ("REPORTS_TO", "ACCOUNTABLE_TO", "SUBGROUP_OF"):
        assert rels(seed_facts, rel_type, "community-safety-partnership", "community-safety-programme-board") == []


def test_area_priorities_belong_to_areas(seed_facts: Facts) -> None:
    sub_region = [seed_facts.nodes[r.end].properties["text"] for r in
                  rels(seed_facts, "HAS_PRIORITY", "area-leicester-leicestershire-and-rutland")]
    assert sub_region == ["Reduce re-offending", "Reduce anti-social behaviour", "Tackle domestic abuse",
                          "Reduce the harm caused by substance misuse"]
    assert seed_facts.nodes["area-charnwood"].properties["within"][0] == "Leicestershire"


def test_agreed_amounts_and_quarter_spend_have_their_periods(seed_facts: Facts) -> None:
    """The SLP table: the year comes from the paragraph before it, the spend quarter from its column header;
    'Nil' spend is a figure (0), not a blank."""
    rows = {n.properties["purpose"]: n.properties for n in seed_facts.nodes.values()
            if n.label == "Allocation" and n.properties.get("purpose") in {"YOS DYO Staff", "Domestic Homicide Review"}}
    assert rows["YOS DYO Staff"]["amounts_gbp"] == [35000, 8750]
    assert rows["YOS DYO Staff"]["periods"] == ["2012-13", "2012-04/2012-06"]
    assert rows["Domestic Homicide Review"]["amounts_gbp"] == [10000, 0]


def test_the_gazetteer_has_no_alias_that_names_another_area() -> None:
    """A comma inside an unquoted YAML flow list splits a name ("Leicester, Leicestershire & Rutland")."""
    from loaders.mentions import vocab

    areas = vocab()["areas"]
    for area, spec in areas.items():
        for alias in spec.get("aliases") or []:
            assert alias not in areas or alias == area, (area, alias)
        assert spec.get("part_of") is None or spec["part_of"] in areas, area


def test_bodies_cover_the_area_their_name_gives(seed_facts: Facts) -> None:
    covers = {(r.start, r.end) for r in seed_facts.relationships.values() if r.type == "COVERS"}
    assert ("leicester-childrens-trust", "area-leicester") in covers
    assert ("safer-leicester-partnership", "area-leicester") in covers
    assert ("leicestershire-police", "area-leicester-leicestershire-and-rutland") in covers
    assert ("leicestershire-police", "area-leicestershire") not in covers
