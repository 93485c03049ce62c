"""Every export parses back into what it was made from: CSV with the csv module, GraphML with networkx, JSON-LD with
rdflib (the W3C Organization Ontology's terms), on the seeds loaded in the session's Neo4j; and the CLI writes them."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graph import exports
from graph.engine import Engine
from graph.settings import Settings
from graph.store import export_graph
from tests.conftest import run_cli

CSPB, SPB, LCJB = "community-safety-programme-board", "strategic-partnership-board", "local-criminal-justice-board"


@pytest.fixture(scope="module")
def data(loaded_engine: Engine) -> dict[str, list[dict[str, Any]]]:
    return export_graph(loaded_engine)


def test_nodes_csv_has_one_row_per_node_with_properties_and_evidence(data: dict[str, list[dict[str, Any]]]) -> None:
    rows = list(csv.DictReader(io.StringIO(exports.nodes_csv(data))))
    assert len(rows) == len(data["nodes"])
    cspb = next(r for r in rows if r["id"] == CSPB)
    assert cspb["label"] == "Body" and cspb["kind"] == "board"
    assert "Community Safety Partnership Board" in json.loads(cspb["aliases"])
    quotes, spans = json.loads(cspb["evidence_quotes"]), json.loads(cspb["evidence_spans"])
    assert len(quotes) == len(spans) == len(json.loads(cspb["evidence_docs"])) >= 1


def test_relationships_csv_keys_types_ends_and_quotes(data: dict[str, list[dict[str, Any]]]) -> None:
    rows = list(csv.DictReader(io.StringIO(exports.relationships_csv(data))))
    assert len(rows) == len(data["relationships"])
    merger = next(r for r in rows if r["key"] == f"MERGED_INTO:{CSPB}->{SPB}")
    assert (merger["type"], merger["start"], merger["end"], merger["valid_from"]) == ("MERGED_INTO", CSPB, SPB, "2012-09")
    assert any("merge with the Local Criminal Justice Board" in q for q in json.loads(merger["evidence_quotes"]))


def test_graphml_reads_back_in_networkx_with_the_same_nodes_and_lines(data: dict[str, list[dict[str, Any]]]) -> None:
    graph = nx.read_graphml(io.StringIO(exports.to_graphml(data)), force_multigraph=True)
    assert graph.number_of_nodes() == len(data["nodes"])
    assert graph.number_of_edges() == len(data["relationships"])
    assert graph.nodes[CSPB]["name"] == "Community Safety Programme Board" and graph.nodes[CSPB]["label"] == "Body"
    types = {d["type"] for _, _, d in graph.edges(CSPB, data=True)}
    assert "MERGED_INTO" in types
    assert json.loads(graph.nodes[CSPB]["evidence_quotes"])


def test_jsonld_parses_in_rdflib_with_org_terms(data: dict[str, list[dict[str, Any]]]) -> None:
    import rdflib
    from rdflib.namespace import RDF, SKOS

    org = rdflib.Namespace("http://www.w3.org/ns/org#")
    graph = rdflib.Graph().parse(data=exports.to_jsonld(data), format="json-ld")
    cspb, spb, lcjb = (rdflib.URIRef(exports.iri(i)) for i in (CSPB, SPB, LCJB))
    assert (cspb, RDF.type, org.Organization) in graph
    assert (cspb, SKOS.prefLabel, rdflib.Literal("Community Safety Programme Board")) in graph
    changes = set(graph.subjects(RDF.type, org.ChangeEvent))
    merged = {(o, r) for e in changes for o in graph.objects(e, org.originalOrganization)
              for r in graph.objects(e, org.resultingOrganization)}
    assert {(cspb, spb), (lcjb, spb)} <= merged
    assert len(set(graph.triples((None, org.reportsTo, None)))) > 0
    assert len(set(graph.triples((None, org.subOrganizationOf, None)))) > 0
    members = set(graph.triples((None, org.hasMember, None)))
    member_of = [r for r in data["relationships"] if r["type"] == "MEMBER_OF"
                 and r["properties"].get("status") not in exports.INTENTIONS]
    assert len(members) == len({(r["end"], r["start"]) for r in member_of}) > 0


def test_jsonld_asserts_no_intention_as_a_fact(data: dict[str, list[dict[str, Any]]]) -> None:
    """A proposed REPORTS_TO is a statement with its status, never an org:reportsTo triple."""
    import rdflib

    org = rdflib.Namespace("http://www.w3.org/ns/org#")
    graph = rdflib.Graph().parse(data=exports.to_jsonld(data), format="json-ld")
    proposed = [r for r in data["relationships"] if r["type"] == "REPORTS_TO" and r["properties"].get("status") == "proposed"]
    assert proposed
    firm = {(r["start"], r["end"]) for r in data["relationships"] if r["type"] in ("REPORTS_TO", "ACCOUNTABLE_TO")
            and r["properties"].get("status") not in exports.INTENTIONS}
    for rel in proposed:
        if (rel["start"], rel["end"]) not in firm:
            assert (rdflib.URIRef(exports.iri(rel["start"])), org.reportsTo, rdflib.URIRef(exports.iri(rel["end"]))) not in graph


@pytest.mark.parametrize("fmt", ["json", "csv", "graphml", "jsonld"])
def test_cli_export_writes_each_format(fmt: str, cli_env: Settings, loaded_engine: Engine, tmp_path: Path) -> None:
    target = tmp_path / ("out" if fmt == "csv" else f"graph.{fmt}")
    done = run_cli("export", "--format", fmt, "-o", str(target))
    assert done.returncode == 0, done.stderr
    if fmt == "csv":
        assert (target / "nodes.csv").read_text(encoding="utf-8").startswith("id,label,name,aliases")
        assert (target / "relationships.csv").read_text(encoding="utf-8").startswith("key,type,start,end")
    elif fmt == "graphml":
        assert nx.read_graphml(target).number_of_nodes() > 100
    else:
        assert json.loads(target.read_text(encoding="utf-8"))
