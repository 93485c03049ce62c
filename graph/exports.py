"""The whole graph for other tools, from one export shape (graph.store.export_graph): JSON, CSV (nodes and
relationships, with evidence columns), GraphML (Gephi, yEd, networkx) and JSON-LD in the W3C Organization Ontology.

Each format is a pure function of the export shape, so the CLI and the explorer's download links write the same."""
from __future__ import annotations

import csv
import io
import json
from typing import Any
from urllib.parse import quote

import networkx as nx

Export = dict[str, list[dict[str, Any]]]
FORMATS = ("json", "csv", "graphml", "jsonld")
NODE_COLUMNS = ("id", "label", "name", "aliases")
RELATIONSHIP_COLUMNS = ("key", "type", "start", "end")
EVIDENCE_COLUMNS = ("evidence_docs", "evidence_spans", "evidence_quotes", "evidence_methods")
# The W3C Organization Ontology for the lines it names; our own terms (lg:) for the rest.
CONTEXT = {
    "org": "http://www.w3.org/ns/org#", "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "dct": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#", "lg": "urn:landscape:vocab:",
}
ORG_PREDICATES = {"REPORTS_TO": "org:reportsTo", "ACCOUNTABLE_TO": "org:reportsTo",
                  "SUBGROUP_OF": "org:subOrganizationOf", "PART_OF": "org:subOrganizationOf"}
CHANGE_TYPES = frozenset({"MERGED_INTO", "SUCCEEDED_BY"})
INTENTIONS = frozenset({"proposed", "planned"})
NODE_TYPES = {"Body": "org:Organization", "Role": "org:Role"}


def relationship_key(rel: dict[str, Any]) -> str:
    return f"{rel['type']}:{rel['start']}->{rel['end']}"


def to_json(data: Export) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"


# --- CSV ----------------------------------------------------------------------------------------------------------


def _cell(value: Any) -> str:
    """Lists and objects as JSON, so that a cell parses back whatever it holds; None as empty."""
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _evidence_cells(evidence: list[dict[str, Any]]) -> list[str]:
    return [_cell([e["doc"] for e in evidence]), _cell([f"{e['start']}-{e['end']}" for e in evidence]),
            _cell([e["quote"] for e in evidence]), _cell([e["method"] for e in evidence])]


def _table(columns: tuple[str, ...], items: list[dict[str, Any]], fixed: Any) -> str:
    keys = sorted({k for item in items for k in item["properties"]} - set(columns))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*columns, *keys, *EVIDENCE_COLUMNS])
    for item in items:
        writer.writerow([*fixed(item), *(_cell(item["properties"].get(k)) for k in keys),
                         *_evidence_cells(item["evidence"])])
    return out.getvalue()


def nodes_csv(data: Export) -> str:
    """One row per node: id, label, name, aliases, one column per property, and the evidence as JSON lists."""
    return _table(NODE_COLUMNS, data["nodes"],
                  lambda n: [n["id"], n["labels"][0], _cell(n.get("name")), _cell(n.get("aliases") or [])])


def relationships_csv(data: Export) -> str:
    """One row per relationship: its key (TYPE:start->end), type, ends, properties and evidence as JSON lists."""
    return _table(RELATIONSHIP_COLUMNS, data["relationships"],
                  lambda r: [relationship_key(r), r["type"], r["start"], r["end"]])


# --- GraphML ------------------------------------------------------------------------------------------------------


def _graphml_value(value: Any) -> str | int | float | bool:
    if isinstance(value, bool | int | float | str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


def _attributes(item: dict[str, Any]) -> dict[str, str | int | float | bool]:
    attrs = {k: _graphml_value(v) for k, v in item["properties"].items() if v is not None}
    evidence = item["evidence"]
    attrs["evidence_quotes"] = _graphml_value([e["quote"] for e in evidence])
    attrs["evidence_docs"] = _graphml_value([e["doc"] for e in evidence])
    return attrs


def to_networkx(data: Export) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for node in data["nodes"]:
        graph.add_node(node["id"], **_attributes(node), label=node["labels"][0], name=node.get("name") or node["id"],
                       aliases="; ".join(node.get("aliases") or []))
    for rel in data["relationships"]:
        graph.add_edge(rel["start"], rel["end"], key=relationship_key(rel), **_attributes(rel), type=rel["type"])
    return graph


def to_graphml(data: Export) -> str:
    """GraphML with typed attributes (lists as JSON text); `label` is the node's label, `name` its name."""
    body = "\n".join(nx.generate_graphml(to_networkx(data), named_key_ids=True))
    return '<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n"


# --- JSON-LD ------------------------------------------------------------------------------------------------------


def iri(node_id: str) -> str:
    """A node's IRI: its id under urn:landscape:, percent-encoded where an id holds a character IRIs refuse."""
    return "urn:landscape:" + quote(node_id, safe=":-_.~")


def line_id(rel: dict[str, Any]) -> str:
    return f"{rel['type']}:{rel['start']}:{rel['end']}"


def _evidence_ld(evidence: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"@type": "lg:Quote", "lg:document": {"@id": iri("doc-" + str(e["doc"]))}, "lg:start": e["start"],
             "lg:end": e["end"], "lg:quote": e["quote"], "lg:method": e["method"]} for e in evidence]


def _node_ld(node: dict[str, Any]) -> dict[str, Any]:
    label = node["labels"][0]
    out: dict[str, Any] = {"@id": iri(node["id"]), "@type": [NODE_TYPES.get(label, f"lg:{label}")],
                           "skos:prefLabel": node.get("name") or node["id"], "lg:id": node["id"]}
    if label == "Body":
        out["@type"].append("lg:Body")
    if node.get("aliases"):
        out["skos:altLabel"] = list(node["aliases"])
    return _with_facts(out, node)


def _with_facts(out: dict[str, Any], item: dict[str, Any]) -> dict[str, Any]:
    """A node's or a line's stated properties and quotes, as lg: terms of its JSON-LD object."""
    for key, value in item["properties"].items():
        if value is not None:
            out[f"lg:{key}"] = value
    if item["evidence"]:
        out["lg:evidence"] = _evidence_ld(item["evidence"])
    return out


def _line_ld(rel: dict[str, Any], predicate: str) -> dict[str, Any]:
    """Every line as a statement about a statement (rdf:Statement) carrying its status, dates and quotes."""
    out: dict[str, Any] = {"@id": iri("line:" + line_id(rel)), "@type": "rdf:Statement",
                           "rdf:subject": {"@id": iri(rel["start"])}, "rdf:predicate": {"@id": predicate},
                           "rdf:object": {"@id": iri(rel["end"])}, "lg:type": rel["type"]}
    return _with_facts(out, rel)


def _change_ld(rel: dict[str, Any]) -> dict[str, Any]:
    props = rel["properties"]
    out: dict[str, Any] = {"@id": iri("change:" + line_id(rel)), "@type": "org:ChangeEvent",
                           "org:originalOrganization": {"@id": iri(rel["start"])},
                           "org:resultingOrganization": {"@id": iri(rel["end"])}, "lg:type": rel["type"],
                           "lg:status": props.get("status"), "lg:evidence": _evidence_ld(rel["evidence"])}
    if props.get("valid_from"):
        out["prov:startedAtTime"] = props["valid_from"]
    return out


def _predicate(rel_type: str) -> str:
    return ORG_PREDICATES.get(rel_type, "lg:" + rel_type.lower())


def to_jsonld(data: Export) -> str:
    """Bodies as org:Organization; lines that hold as org:reportsTo / org:subOrganizationOf / org:hasMember (the
    group has the member), intentions only as statements; mergers and renames as org:ChangeEvent."""
    nodes = {n["id"]: _node_ld(n) for n in data["nodes"]}
    extra: list[dict[str, Any]] = []
    for rel in data["relationships"]:
        rel_type, start, end = rel["type"], rel["start"], rel["end"]
        if start not in nodes or end not in nodes:
            continue
        predicate, subject, obj = _predicate(rel_type), start, end
        if rel_type == "MEMBER_OF":
            predicate, subject, obj = "org:hasMember", end, start
        if rel["properties"].get("status") not in INTENTIONS:
            nodes[subject].setdefault(predicate, []).append({"@id": iri(obj)})
        extra.append(_line_ld(rel, predicate))
        if rel_type in CHANGE_TYPES:
            extra.append(_change_ld(rel))
    document = {"@context": CONTEXT, "@graph": [*nodes.values(), *extra]}
    return json.dumps(document, indent=1, ensure_ascii=False, default=str) + "\n"
