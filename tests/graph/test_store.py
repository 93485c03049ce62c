"""Loading into Neo4j: evidence readable from Cypher, idempotent, all or nothing, export; the load marker."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from graph.engine import Engine
from graph.model import Facts, Node, SchemaError
from graph.store import export_graph, graph_stats, write_facts
from loaders.pipeline import read_directory
from tests.conftest import SEEDS


def test_engine_is_the_pinned_neo4j(engine: Engine) -> None:
    from graph.server.install import pinned_version

    assert engine.kind == "neo4j"
    if os.environ.get("NEO4J_URI") is None:  # the session's own server runs the version graph/server/pom.xml pins
        assert engine.server_agent() == f"Neo4j/{pinned_version()}"
    else:
        assert engine.server_agent().startswith("Neo4j/5.")


def test_every_stored_quote_equals_the_document_at_its_span(loaded_engine: Engine) -> None:
    texts = {doc.id: doc.text for doc in read_directory(SEEDS)}
    data = export_graph(loaded_engine)
    items = data["nodes"] + data["relationships"]
    assert len(data["nodes"]) > 300 and len(data["relationships"]) > 300
    for item in items:
        assert item["evidence"], item
        for ev in item["evidence"]:
            assert texts[ev["doc"]][ev["start"]:ev["end"]] == ev["quote"]


def test_stats_report_full_coverage_and_findings(loaded_engine: Engine, seed_facts: Facts) -> None:
    stats = graph_stats(loaded_engine)
    assert stats["evidence_coverage"] == 1.0
    assert stats["labels"]["Body"] == sum(1 for n in seed_facts.nodes.values() if n.label == "Body")
    assert len(stats["findings"]) == len(seed_facts.findings) > 0


def test_loading_twice_gives_identical_counts(loaded_engine: Engine, seed_facts: Facts) -> None:
    before = graph_stats(loaded_engine)
    write_facts(loaded_engine, seed_facts)
    after = graph_stats(loaded_engine)
    assert before["labels"] == after["labels"]
    assert before["relationship_types"] == after["relationship_types"]


def test_a_failing_load_leaves_the_graph_as_it_was(loaded_engine: Engine, seed_facts: Facts) -> None:
    before = graph_stats(loaded_engine)
    bad = seed_facts.model_copy(deep=True)
    bad.nodes["x"] = Node(id="x", label="NotALabel", name="x")
    with pytest.raises(SchemaError):
        write_facts(loaded_engine, bad, reset=True)
    assert graph_stats(loaded_engine)["labels"] == before["labels"]


def test_every_load_leaves_one_marker_that_counts_exports_and_projections_leave_out(loaded_engine: Engine,
                                                                                   seed_facts: Facts) -> None:
    from graph.projection import build_projection

    before = loaded_engine.read("load/last_load")[0]
    write_facts(loaded_engine, seed_facts)
    marker = loaded_engine.read("load/last_load")[0]
    assert marker["load_id"] and marker["load_id"] != before["load_id"]
    assert (marker["nodes"], marker["relationships"]) == (len(seed_facts.nodes), len(seed_facts.relationships))
    assert loaded_engine.read_text("MATCH (l:Load) RETURN count(l) AS c")[0]["c"] == 1
    assert "Load" not in graph_stats(loaded_engine)["labels"]
    assert not [n for n in export_graph(loaded_engine)["nodes"] if "Load" in n["labels"]]
    assert len(build_projection(loaded_engine)) == len(seed_facts.nodes)


def test_export_shape(loaded_engine: Engine) -> None:
    data = export_graph(loaded_engine)
    node = next(n for n in data["nodes"] if n["id"] == "community-safety-programme-board")
    assert set(node) == {"id", "labels", "name", "aliases", "properties", "evidence"}
    assert node["labels"] == ["Body"] and "CSPB" in node["aliases"]
    rel = next(r for r in data["relationships"] if r["type"] == "MERGED_INTO"
               and r["start"] == "community-safety-programme-board")
    assert rel["end"] == "strategic-partnership-board" and rel["properties"]["valid_from"] == "2012-09"
    assert set(rel["evidence"][0]) == {"doc", "start", "end", "quote", "method"}


def test_cli_reports_a_bad_document_without_writing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cli.main import main

    (tmp_path / "bad.txt").write_bytes(b"ok\n\xff\n")
    assert main(["load", "--seeds", str(tmp_path), "--quiet"]) == 2
    assert "bad, line 2" in capsys.readouterr().err


def test_cli_stats_and_export(loaded_engine: Engine, settings, monkeypatch: pytest.MonkeyPatch,
                              tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from cli.main import main

    monkeypatch.setenv("LANDSCAPE_DATA_DIR", str(settings.data_dir))  # share the session's engine
    assert main(["stats"]) == 0
    out = capsys.readouterr().out
    assert "evidence coverage: 100.0%" in out and "total-mismatch" in out
    target = tmp_path / "graph.json"
    assert main(["export", "--format", "json", "-o", str(target)]) == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert {n["id"] for n in data["nodes"]} >= {"strategic-partnership-board", "doc-004_808a09639abe0ae2"}
