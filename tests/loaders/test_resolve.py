"""Identity scoped by place (loaders.resolve): ids that stay put whatever else is loaded, generic names kept
apart by place, acronyms that stay in their document and place."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph.model import Facts
from graph.settings import REPO
from loaders.extract import extract_documents
from loaders.pipeline import load_directory, read_directory

SEEDS = REPO / "seeds"
CORPUS = REPO / "tests" / "corpus"

EASTBURY = """Eastbury Community Safety Report

Eastbury Borough Council leads the work.

The Safer Eastbury Partnership (SEP) is the community safety partnership of Eastbury.

The Community Safety Partnership reports to the Eastbury Strategic Board.

The SEP reports to the Eastbury Health and Wellbeing Board.
"""
ESSENWOOD = """Essenwood Community Safety Report

Essenwood District Council leads the work.

The Safer Essenwood Partnership (SEP) brings the agencies of Essenwood together.

The Community Safety Partnership reports to the Essenwood Strategic Board.

The SEP reports to the Essenwood Health and Wellbeing Board.
"""
NORTHBURY = """Northbury Community Safety Report

Northbury City Council leads the work.

The SEP reports to the Northbury Strategic Board.
"""


def load(tmp_path: Path, **texts: str) -> Facts:
    tmp_path.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    return load_directory(tmp_path)


def rel_ends(facts: Facts, rel_type: str, end: str) -> set[str]:
    return {r.start for r in facts.relationships.values() if r.type == rel_type and r.end == end}


@pytest.fixture(scope="module")
def seeds_alone() -> Facts:
    return load_directory(SEEDS)


def test_seed_ids_are_the_same_with_the_corpus_loaded_beside_them(seeds_alone: Facts) -> None:
    seeds = read_directory(SEEDS)
    both = extract_documents(seeds + read_directory(CORPUS))
    seed_docs = {doc.id for doc in seeds}
    beside = {n.id for n in both.nodes.values() if any(ev.doc in seed_docs for ev in n.evidence)}
    assert beside == set(seeds_alone.nodes)
    lines = {r.key for r in both.relationships.values() if any(ev.doc in seed_docs for ev in r.evidence)}
    assert lines == set(seeds_alone.relationships)


def test_two_areas_community_safety_partnerships_are_two_nodes(tmp_path: Path) -> None:
    facts = load(tmp_path, eastbury=EASTBURY, essenwood=ESSENWOOD)
    assert rel_ends(facts, "REPORTS_TO", "eastbury-strategic-board") >= {"eastbury-community-safety-partnership"}
    assert rel_ends(facts, "REPORTS_TO", "essenwood-strategic-board") >= {"essenwood-community-safety-partnership"}
    assert "community-safety-partnership" not in facts.nodes
    assert facts.nodes["essenwood-community-safety-partnership"].properties["place"] == "Essenwood"


def test_an_acronym_defined_in_one_document_does_not_capture_another_areas_body(tmp_path: Path) -> None:
    facts = load(tmp_path, eastbury=EASTBURY, essenwood=ESSENWOOD, northbury=NORTHBURY)
    assert rel_ends(facts, "REPORTS_TO", "eastbury-health-and-wellbeing-board") == {"safer-eastbury-partnership"}
    assert rel_ends(facts, "REPORTS_TO", "essenwood-health-and-wellbeing-board") == {"safer-essenwood-partnership"}
    # SEP is not defined in Northbury's document: there it names Northbury's own body, never another area's
    assert rel_ends(facts, "REPORTS_TO", "northbury-strategic-board") == {"sep-northbury"}
    assert facts.nodes["sep-northbury"].name == "SEP"
    assert facts.nodes["sep-northbury"].properties["place"] == "Northbury"
    eastbury = facts.nodes["safer-eastbury-partnership"]
    assert {ev.doc for ev in eastbury.evidence} == {"eastbury"}


def test_loading_another_area_changes_no_id(tmp_path: Path) -> None:
    alone = load(tmp_path / "alone", eastbury=EASTBURY)
    both = load(tmp_path / "both", eastbury=EASTBURY, essenwood=ESSENWOOD)
    eastbury_ids = {n.id for n in both.nodes.values() if any(ev.doc == "eastbury" for ev in n.evidence)}
    assert eastbury_ids == set(alone.nodes)


def test_the_seeds_keep_each_places_generic_bodies_apart(seeds_alone: Facts) -> None:
    nodes = seeds_alone.nodes
    jags = {"charnwood-joint-action-group", "oadby-and-wigston-joint-action-group", "rutland-joint-action-group"}
    assert jags <= set(nodes)
    assert nodes["rutland-joint-action-group"].properties["place"] == "Rutland"
    # "The Safer Rutland Strategic Partnership Board has five key theme groups that report to the partnership":
    # Rutland's own group is the Rutland board's sub-group and reports to the Rutland partnership
    assert rel_ends(seeds_alone, "SUBGROUP_OF", "safer-rutland-strategic-partnership-board") >= {
        "rutland-joint-action-group"}
    assert rel_ends(seeds_alone, "REPORTS_TO", "safer-rutland-partnership") >= {"rutland-joint-action-group"}
    for city, county in [("leicester-city-local-safeguarding-children-board",
                          "leicestershire-and-rutland-local-safeguarding-children-board"),
                         ("leicester-city-safeguarding-adults-board", "leicestershire-and-rutland-safeguarding-adults-board"),
                         ("rutland-shadow-health-and-wellbeing-board", "leicestershire-health-and-wellbeing-board")]:
        assert city in nodes and county in nodes
    # "the Police" of the seeds is the force area's police, named once in full
    assert "Police" in nodes["leicestershire-police"].aliases


def test_ids_do_not_depend_on_character_positions(tmp_path: Path) -> None:
    text = ("Eastbury Community Safety\n\nFunding\n\nThe Safer Eastbury Partnership has received £20,000 from the "
            "Home Office.\n\nBudget\tAmount\nYouth Service\t£12,500\n")
    first = load(tmp_path / "first", eastbury=text)
    moved = load(tmp_path / "moved", eastbury=text.replace("Safety\n\n", "Safety\n\nA preface that moves every offset.\n\n"))
    allocations = {n for n in first.nodes if n.startswith("allocation-")}
    assert len(allocations) == 2  # one from the sentence, one from the table
    assert {n for n in first.nodes if not n.startswith("doc-")} <= set(moved.nodes)


def test_two_documents_keep_their_own_allocations(tmp_path: Path) -> None:
    text = ("Eastbury Community Safety\n\nFunding\n\nThe Safer Eastbury Partnership has received £{} from the "
            "Home Office.\n")
    facts = load(tmp_path, **{"eastbury-2012": text.format("20,000"), "eastbury-2013": text.format("30,000")})
    amounts = {n.properties["amount_gbp"]: {ev.doc for ev in n.evidence}
               for n in facts.nodes.values() if n.label == "Allocation"}
    assert amounts == {20000: {"eastbury-2012"}, 30000: {"eastbury-2013"}}


WESTBURY = """Westbury Community Safety Report

Westbury Borough Council leads the work. The Westbury Police and Crime Commissioner funds the partnership.

The Youth Panel reports to the PCC.

The Youth Panel is a member of the WYF.

The Youth Panel reports to HMPPS.

The Youth Panel is led by the IDVA.
"""


def test_an_acronym_never_defined_still_names_a_body(tmp_path: Path) -> None:
    facts = load(tmp_path, westbury=WESTBURY)
    # the initials of a generic name: that name's body in the place it is written
    assert "youth-panel" in rel_ends(facts, "REPORTS_TO", "westbury-police-and-crime-commissioner")
    # a national body's acronym in the gazetteer: that body
    assert rel_ends(facts, "REPORTS_TO", "hm-prison-and-probation-service") == {"youth-panel"}
    # any other: the area's own body named by the acronym
    assert rel_ends(facts, "MEMBER_OF", "wyf-westbury") == {"youth-panel"}
    # the far end of "led by" may be an office: no body is made of it
    assert not any(n.name == "IDVA" for n in facts.nodes.values() if n.label == "Body")


def test_a_place_written_after_a_generic_name_gives_the_id_of_the_usual_order(tmp_path: Path) -> None:
    after = load(tmp_path / "after", westshire="Westshire grants 2024\n\nAs Police and Crime Commissioner for "
                 "Westshire, Jo Bloggs funds the Westshire Youth Panel. The Youth Panel reports to the PCC.\n")
    before = load(tmp_path / "before", westshire="Westshire grants 2024\n\nThe Westshire Police and Crime "
                  "Commissioner funds the Westshire Youth Panel. The Youth Panel reports to the PCC.\n")
    pcc = "westshire-police-and-crime-commissioner"
    assert after.nodes[pcc].name == "Police and Crime Commissioner for Westshire"
    assert before.nodes[pcc].name == "Westshire Police and Crime Commissioner"
    assert rel_ends(after, "REPORTS_TO", pcc) == rel_ends(before, "REPORTS_TO", pcc) == {"westshire-youth-panel"}


def test_a_body_the_text_defines_without_a_head_noun_is_found_in_other_sentences(tmp_path: Path) -> None:
    facts = load(tmp_path, westshire="Westshire community safety\n\nThe strategy sits within Safer Westshire, which is "
                 "a county-wide partnership board.\n\nThe Youth Forum is a subgroup of Safer Westshire.\n")
    assert rel_ends(facts, "SUBGROUP_OF", "safer-westshire") == {"youth-forum"}
