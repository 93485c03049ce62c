"""The benchmark's misses report, on hand-made facts (no loader run)."""
from __future__ import annotations

from benchmarks.bench_misses import report
from tests.benchmarks.test_bench_extraction import REPORTS, graph, labelled


def test_a_missed_fact_is_listed_with_its_quote_and_a_wrong_one_with_its_evidence() -> None:
    facts = graph(("REPORTS_TO", "board", "stp"))
    lines = report(facts, [labelled(REPORTS)], types=None, wrong_only=False)
    text = "\n".join(lines)
    assert "=== REPORTS_TO: missed 1" in lines
    assert "=== REPORTS_TO: wrong 1" in lines
    assert "town: Safer Town Partnership -> Town Board [current]" in text
    assert "town: the Town board -> STP" in text
    assert '"[test] reports to"' in text


def test_types_and_wrong_only_narrow_the_report() -> None:
    facts = graph(("REPORTS_TO", "board", "stp"))
    assert report(facts, [labelled(REPORTS)], types={"PART_OF"}, wrong_only=False) == []
    assert report(facts, [labelled(REPORTS)], types=None, wrong_only=True)[0] == "=== REPORTS_TO: wrong 1"
