"""The extraction benchmark's matcher and junk heuristics, on hand-made facts (no loader run)."""
from __future__ import annotations

from pathlib import Path

from benchmarks.bench_extraction import Predicted, fold, junk_reason, predictions, score_document
from graph.model import Evidence, Facts, Node, Relationship
from tests.corpus.labels import Fact, Labelled

TEXT = "The Safer Town Partnership (STP) reports to the Town Board.\nAnnual Review of the Partnership\n"


def ev(quote: str) -> Evidence:
    start = TEXT.index(quote)
    return Evidence(doc="town", start=start, end=start + len(quote), quote=quote, method="test")


def body(node_id: str, name: str, *aliases: str, quote: str = "Safer Town Partnership") -> Node:
    return Node(id=node_id, label="Body", name=name, aliases=list(aliases), evidence=[ev(quote)])


def labelled(*facts: Fact) -> Labelled:
    return Labelled(slug="town", text=TEXT, path=Path("town.txt"), meta={},
                    bodies={"Safer Town Partnership": ["STP"], "Town Board": [], "Town Council": []},
                    facts=list(facts))


def graph(*rels: tuple[str, str, str]) -> Facts:
    facts = Facts()
    facts.add_node(body("stp", "STP"))  # only its acronym: matched through the label's alias
    facts.add_node(body("board", "the Town board", quote="Town Board"))
    for rel_type, start, end in rels:
        facts.add_relationship(Relationship(type=rel_type, start=start, end=end, evidence=[ev("reports to")]))
    return facts


REPORTS = Fact(type="REPORTS_TO", start="Safer Town Partnership", end="Town Board", quote="reports to")


def test_fold_ignores_case_punctuation_the_and_ampersand() -> None:
    assert fold("The Police & Crime Board") == fold("police and crime board.")
    assert fold("Police Board") != fold("Police and Crime Board")
    assert fold("Community Safety Partnerships") == fold("community safety partnership")
    assert fold("Business Delivery Group") != fold("Business Delivery Groups Board")


def test_a_labelled_fact_is_found_through_an_alias_and_folding() -> None:
    facts = graph(("REPORTS_TO", "stp", "board"))
    score = score_document(facts, labelled(REPORTS), predictions(facts)["town"])
    assert (score.total.found, score.total.labelled, score.total.correct, score.total.predicted) == (1, 1, 1, 1)


def test_the_wrong_direction_is_a_miss_and_a_false_positive() -> None:
    facts = graph(("REPORTS_TO", "board", "stp"))
    score = score_document(facts, labelled(REPORTS), predictions(facts)["town"])
    assert score.total.found == 0 and score.total.correct == 0 and score.total.predicted == 1
    assert score.missed == [REPORTS]


def test_a_role_end_matches_as_written_only_for_chairs() -> None:
    facts = graph()
    facts.add_node(Node(id="role-mayor", label="Role", name="Mayor", evidence=[ev("Town Board")]))
    chair = Fact(type="CHAIRED_BY", start="Safer Town Partnership", end="the Mayor", quote="reports to")
    found = score_document(facts, labelled(chair), {Predicted("CHAIRED_BY", "stp", "role-mayor")})
    assert found.total.found == 1
    oversees = Fact(type="OVERSEES", start="Safer Town Partnership", end="Town Board", quote="reports to")
    missed = score_document(facts, labelled(oversees), {Predicted("OVERSEES", "stp", "role-mayor")})
    assert missed.total.found == 0


def test_a_role_end_matches_the_person_labelled_when_that_person_is_its_holder() -> None:
    facts = graph()
    facts.add_node(Node(id="role-leader", label="Role", name="Leader of the Town Council",
                        properties={"holder": "Coun Ann Lee"}, evidence=[ev("Town Board")]))
    lead = Fact(type="LED_BY", start="Safer Town Partnership", end="Coun Ann Lee", quote="reports to")
    assert score_document(facts, labelled(lead), {Predicted("LED_BY", "stp", "role-leader")}).total.found == 1
    other = Fact(type="LED_BY", start="Safer Town Partnership", end="Coun Tom Reed", quote="reports to")
    assert score_document(facts, labelled(other), {Predicted("LED_BY", "stp", "role-leader")}).total.found == 0


def test_funds_need_the_same_amount() -> None:
    facts = graph()
    fund = Fact(type="FUNDS", start="Town Board", end="Safer Town Partnership", quote="reports to", amount=5000)
    right = score_document(facts, labelled(fund), {Predicted("FUNDS", "board", "stp", 5000)})
    wrong = score_document(facts, labelled(fund), {Predicted("FUNDS", "board", "stp", 500)})
    assert right.total.found == 1 and wrong.total.found == 0


def test_junk_names_are_told_from_bodies() -> None:
    texts = {"town": TEXT}
    assert junk_reason(body("x", "Annual Review of the Partnership", quote="Annual Review of the Partnership"),
                       texts) == "title"
    assert junk_reason(body("x", "and the Town Board", quote="Town Board"), texts) == "fragment"
    assert junk_reason(body("x", "Town Council and Safer Town Partnership"), texts) == "fused"
    assert junk_reason(body("x", "Town Board", quote="Town Board"), texts) is None
