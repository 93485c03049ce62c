"""Writing Facts to the engine (one transaction, UNWIND batches) and reading the graph back as an export."""
from __future__ import annotations

import re
import uuid
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from neo4j import ManagedTransaction, unit_of_work

from graph import loads
from graph.engine import Engine
from graph.model import Evidence, Facts
from graph.queries import cypher, query_names, specialise
from graph.time import stamp as stamp_time

BATCH = 1_000
# A load is one transaction with its own timeout, so the server's backstop for other transactions
# (db.transaction.timeout, graph/server/neo4j.conf) does not cut a large one.
LOAD_TIMEOUT_S = 3600.0
# How long a load waits for a new index (the full-text index is populated in the background) to come online.
INDEX_WAIT_S = 300
EVIDENCE_KEYS = ("ev_docs", "ev_starts", "ev_ends", "ev_quotes", "ev_methods")
Progress = Callable[[int], None]


def search_text(*names: str) -> str:
    """Lower case, '&' as 'and', punctuation dropped: what name search matches against."""
    folded = []
    for name in names:
        text = name.lower().replace("&", " and ")
        text = re.sub(r"[^a-z0-9]+", " ", text).strip()
        folded.append(text)
    return " | ".join(folded)


def evidence_properties(evidence: list[Evidence]) -> dict[str, list[Any]]:
    return {
        "ev_docs": [e.doc for e in evidence],
        "ev_starts": [e.start for e in evidence],
        "ev_ends": [e.end for e in evidence],
        "ev_quotes": [e.quote for e in evidence],
        "ev_methods": [e.method for e in evidence],
    }


def evidence_from_properties(props: dict[str, Any]) -> list[dict[str, Any]]:
    columns = [props.get(key) or [] for key in EVIDENCE_KEYS]
    return [
        {"doc": doc, "start": start, "end": end, "quote": quote, "method": method}
        for doc, start, end, quote, method in zip(*columns, strict=False)
    ]


def _clean(props: dict[str, Any]) -> dict[str, Any]:
    # Neo4j stores no null properties; an empty list is kept (it means "none found").
    return {key: value for key, value in props.items() if value is not None}


def node_rows(facts: Facts) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for node in facts.nodes.values():
        props = {
            "id": node.id,
            "name": node.name,
            "aliases": list(node.aliases),
            "search_text": search_text(node.name, *node.aliases),
            **node.properties,
            **evidence_properties(node.evidence),
        }
        rows[node.label].append({"id": node.id, "props": _clean(props)})
    return rows


def relationship_rows(facts: Facts) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    rows: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for rel in facts.relationships.values():
        start, end = facts.nodes[rel.start], facts.nodes[rel.end]
        props = {"key": rel.key, **rel.properties, **evidence_properties(rel.evidence)}
        rows[(rel.type, start.label, end.label)].append(
            {"start": rel.start, "end": rel.end, "key": rel.key, "props": _clean(props)}
        )
    return rows


def ensure_schema(engine: Engine) -> None:
    """Uniqueness constraints (and their indexes) and the full-text index, each in its own transaction (Neo4j runs
    no schema change and data write in one); then wait until every index is online, so that search finds what the
    load writes."""
    for name in query_names("schema"):
        text = cypher(name)

        def create(tx: ManagedTransaction, text: str = text) -> None:
            tx.run(text).consume()

        engine.execute_write(create)

    def wait(tx: ManagedTransaction) -> None:
        tx.run(cypher("load/await_indexes"), seconds=INDEX_WAIT_S).consume()

    engine.execute_read(wait)


def write_facts(engine: Engine, facts: Facts, *, reset: bool = False, progress: Progress | None = None,
                batch: int = BATCH) -> None:
    """Validate, then write every node and relationship in one transaction: all or nothing."""
    facts.validate_schema()
    stamp_time(facts)
    nodes = node_rows(facts)
    rels = relationship_rows(facts)

    # Into an emptied graph nothing can match, so CREATE (no lookup) replaces MERGE: measured 1.5x faster.
    node_query = "load/create_nodes" if reset else "load/merge_nodes"
    rel_query = "load/create_relationships" if reset else "load/merge_relationships"

    load_id = uuid.uuid4().hex

    @unit_of_work(timeout=LOAD_TIMEOUT_S)
    def work(tx: ManagedTransaction) -> None:
        if reset:
            tx.run(cypher("load/delete_all")).consume()
        else:
            forget_documents(tx, facts)
        for label, rows in sorted(nodes.items()):
            for chunk in _batches(rows, batch):
                tx.run(specialise(node_query, label=label), rows=chunk).consume()
                if progress is not None:
                    progress(len(chunk))
        for (rel_type, start_label, end_label), rows in sorted(rels.items()):
            for chunk in _batches(rows, batch):
                text = specialise(rel_query, type=rel_type, start=start_label, end=end_label)
                tx.run(text, rows=chunk).consume()
                if progress is not None:
                    progress(len(chunk))
        tx.run(cypher("load/mark_load"), load_id=load_id, loaded_at=datetime.now(UTC).isoformat(timespec="seconds"),
               nodes=len(facts.nodes), relationships=len(facts.relationships)).consume()

    ensure_schema(engine)
    engine.execute_write(work)
    loads.loaded(load_id)


def loaded_documents(facts: Facts) -> list[str]:
    """The documents this load evidences: the ones whose earlier contribution it replaces."""
    docs = {ev.doc for node in facts.nodes.values() for ev in node.evidence}
    docs |= {ev.doc for rel in facts.relationships.values() for ev in rel.evidence}
    return sorted(docs)


def forget_documents(tx: ManagedTransaction, facts: Facts) -> None:
    """Inside the load's transaction, before its writes: take the loaded documents' evidence off everything, and
    delete what only they evidenced and this load no longer has. A document's contribution is so replaced whole,
    all or nothing with the load; what other documents evidence keeps their evidence."""
    docs = loaded_documents(facts)
    if not docs:
        return
    tx.run(cypher("load/forget_relationships"), docs=docs, keys=sorted(facts.relationships)).consume()
    tx.run(cypher("load/forget_nodes"), docs=docs, ids=sorted(facts.nodes)).consume()


def _batches(rows: list[dict[str, Any]], size: int) -> list[list[dict[str, Any]]]:
    return [rows[i : i + size] for i in range(0, len(rows), size)]


def export_graph(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    """The whole graph in the export shape: nodes and relationships, each with its evidence."""
    hidden = {"id", "name", "aliases", "search_text", *EVIDENCE_KEYS}
    nodes = []
    for row in engine.read("export_nodes"):
        props = row["props"]
        nodes.append({
            "id": props["id"],
            "labels": [row["label"]],
            "name": props.get("name"),
            "aliases": list(props.get("aliases") or []),
            "properties": {k: v for k, v in sorted(props.items()) if k not in hidden},
            "evidence": evidence_from_properties(props),
        })
    relationships = []
    for row in engine.read("export_relationships"):
        props = row["props"]
        relationships.append({
            "type": row["type"],
            "start": row["start"],
            "end": row["end"],
            "properties": {k: v for k, v in sorted(props.items()) if k not in {"key", *EVIDENCE_KEYS}},
            "evidence": evidence_from_properties(props),
        })
    return {"nodes": nodes, "relationships": relationships}


def graph_stats(engine: Engine) -> dict[str, Any]:
    labels = engine.read("count_labels")
    types = engine.read("count_types")
    total = sum(r["count"] for r in labels) + sum(r["count"] for r in types)
    covered = sum(r["with_evidence"] for r in labels) + sum(r["with_evidence"] for r in types)
    return {
        "engine": engine.kind,
        "labels": {r["label"]: r["count"] for r in labels},
        "relationship_types": {r["type"]: r["count"] for r in types},
        "evidence_coverage": 1.0 if total == 0 else covered / total,
        "findings": engine.read("list_findings"),
    }
