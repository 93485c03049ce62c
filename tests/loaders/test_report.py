"""The load report (loaders.report): per document what a load added and what it could not read, printed after
`landscape load` and written as JSON with `--report FILE`."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.engine import Engine
from graph.model import Facts, Finding
from graph.settings import Settings
from graph.store import write_facts
from loaders.pipeline import load_directory
from loaders.report import Before, build_report

EASTBURY = """Eastbury Community Safety Report

Eastbury Borough Council leads the work.

The Eastbury Youth Forum reports to the Eastbury Strategic Board.

The Eastbury Strategic Board reports to the Eastbury Health and Wellbeing Board.
"""
WESTBURY = """Westbury Community Safety Report

Westbury District Council leads the work.

The Westbury Victims Group reports to the Eastbury Strategic Board.
"""


def folder(tmp_path: Path) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "eastbury.txt").write_text(EASTBURY, encoding="utf-8")
    (tmp_path / "westbury.txt").write_text(WESTBURY, encoding="utf-8")
    return tmp_path


def test_each_document_reports_its_counts_new_bodies_and_lines(tmp_path: Path) -> None:
    report = build_report(load_directory(folder(tmp_path)))
    assert [d.doc for d in report.documents] == ["eastbury", "westbury"]
    east, west = report.documents
    assert east.area == "Eastbury" and east.file == "eastbury.txt"
    assert east.lines["REPORTS_TO"] == 2 and east.nodes["Body"] >= 4
    # "new" against the other documents of the load: the board both name is new in neither
    assert "Eastbury Youth Forum" in east.new_bodies and "Eastbury Strategic Board" not in east.new_bodies
    assert west.new_bodies == ["Westbury District Council", "Westbury Victims Group"]
    assert "Westbury Victims Group -REPORTS_TO-> Eastbury Strategic Board" in west.new_lines
    assert not any("Eastbury Youth Forum" in line for line in west.new_lines)
    assert report.new_against == "other documents"


def test_new_is_measured_against_the_graph_before_the_load_when_known(tmp_path: Path) -> None:
    facts = load_directory(folder(tmp_path))
    known = Before(nodes={"eastbury-youth-forum"}, relationships=set())
    east = build_report(facts, known).documents[0]
    assert "Eastbury Youth Forum" not in east.new_bodies
    assert "Eastbury Strategic Board" in east.new_bodies  # not in the graph before, though westbury names it too


def test_what_could_not_be_read_is_reported_with_its_line(tmp_path: Path) -> None:
    facts = load_directory(folder(tmp_path))
    facts.findings += [Finding(rule="unread-table", doc="westbury", line=3, message="a table with no amounts"),
                       Finding(rule="total-mismatch", doc="westbury", line=4, message="the total is not the sum")]
    west = build_report(facts).documents[1]
    assert [(u.rule, u.line) for u in west.unread] == [("unread-table", 3)]
    assert [f.rule for f in west.findings] == ["total-mismatch"]
    text = build_report(facts).text()
    assert "line 3: unread-table: a table with no amounts" in text
    assert "could not read: nothing reported" in text  # eastbury's


def test_the_report_is_json(tmp_path: Path) -> None:
    report = build_report(load_directory(folder(tmp_path)))
    report.write(tmp_path / "r.json")
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["documents"][1]["new_bodies"] == ["Westbury District Council", "Westbury Victims Group"]
    assert set(data["documents"][0]) >= {"doc", "nodes", "lines", "new_bodies", "new_lines", "unread", "findings"}


def test_landscape_load_prints_the_report_and_writes_it_with_report(
        cli_env: Settings, loaded_engine: Engine, seed_facts: Facts, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    from cli.main import main

    docs = folder(tmp_path / "docs")
    try:
        assert main(["load", str(docs), "--quiet", "--report", str(tmp_path / "r.json")]) == 0
        printed = capsys.readouterr().out
        assert "westbury.txt (Westbury)" in printed and "Westbury Victims Group -REPORTS_TO-> Eastbury" in printed
        first = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
        assert first["new_against"] == "graph"
        assert "Westbury Victims Group" in first["documents"][1]["new_bodies"]
        # the same documents again: nothing is new any more
        assert main(["load", str(docs), "--quiet", "--report", str(tmp_path / "again.json")]) == 0
        again = json.loads((tmp_path / "again.json").read_text(encoding="utf-8"))
        assert again["documents"][1]["new_bodies"] == [] and again["documents"][1]["new_lines"] == []
    finally:
        write_facts(loaded_engine, seed_facts, reset=True)  # the session's graph is the seeds again


def test_a_list_without_owner_and_an_unreadable_table_show_as_not_read(tmp_path: Path) -> None:
    (tmp_path / "eastbury.txt").write_text(
        "Eastbury Community Safety\n\nMembership includes:\n\n- Eastbury Police\n- Eastbury Borough Council\n\n"
        "A\tB\tC\nfoo\tbar\tbaz\nqux\tquux\tcorge\n", encoding="utf-8")
    east = build_report(load_directory(tmp_path)).documents[0]
    assert [(u.rule, u.line) for u in east.unread] == [("list-without-owner", 5), ("unread-table", 8)]
