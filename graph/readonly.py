"""Read-only Cypher for users: refuse writes before running, and roll back anything that wrote anyway.

Neo4j refuses writes in the READ transaction the query runs in (`execute_read`); file URLs in `LOAD CSV` are off in
the server's configuration and no plugin is installed (graph/server/neo4j.conf). Two checks of ours stay in front as
friendly early messages (issue 13 reworks them): (1) the text, with comments and string literals blanked, must not
contain a writing clause or a call to a procedure outside a short list of read-only ones; (2) the query fetches at
most `max_rows + 1` records and the summary counters are checked: any update raises inside the transaction
function, so the driver rolls the transaction back.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Any

from neo4j import ManagedTransaction, unit_of_work
from neo4j.exceptions import ClientError
from neo4j.graph import Node, Path, Relationship

from graph.engine import Engine
from graph.store import EVIDENCE_KEYS, evidence_from_properties

# Clauses that write, refused wherever they stand (except as a property key, label, parameter or map key).
WRITE_CLAUSES = frozenset({"CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "DROP", "FOREACH", "LOAD"})
# Administration commands: they only ever open a statement, and are common words elsewhere (`MATCH (start)`).
ADMIN_COMMANDS = frozenset({"ALTER", "GRANT", "REVOKE", "DENY", "RENAME", "START", "STOP", "TERMINATE", "ENABLE",
                            "DEALLOCATE", "REALLOCATE", "USE"})
READ_PROCEDURES = frozenset({"db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
                             "db.schema.nodetypeproperties", "db.schema.reltypeproperties"})
# What Neo4j answers to a write (or schema change) in a read transaction.
ACCESS_MODE = "Neo.ClientError.Statement.AccessMode"
_COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)
_STRING = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"", re.S)
_IDENTIFIER = re.compile(r"`[^`]*`")
_CALL = re.compile(r"\bCALL\s*([A-Za-z_][\w.]*|\{)", re.I)
_WORD = re.compile(r"[A-Za-z_]+")


class WriteRefused(ValueError):
    """The query would write (or may write); the message says why."""


@dataclass(frozen=True)
class Answer:
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool
    elapsed_ms: float


def blank(text: str) -> str:
    """The query with comments, string literals and quoted identifiers replaced by spaces (same length)."""
    for pattern in (_COMMENT, _STRING, _IDENTIFIER):
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return text


def check(query: str) -> None:
    """Raise WriteRefused when the query holds a writing clause or calls a procedure that is not known read-only."""
    if not query.strip():
        raise WriteRefused("the query is empty")
    bare = blank(query)
    if ";" in bare.strip().rstrip(";"):
        raise WriteRefused("one statement at a time: the query holds ';' between statements")
    found: set[str] = set()
    for match in _WORD.finditer(bare):
        word = match.group(0).upper()
        before = bare[: match.start()].rstrip()
        after = bare[match.end():].lstrip()
        if before.endswith((".", ":", "$")) or after.startswith(":"):
            continue  # a property key, label, relationship type, parameter or map key, not a clause
        if word in WRITE_CLAUSES or (word in ADMIN_COMMANDS and not before):
            found.add(word)
    if found:
        raise WriteRefused(f"read-only: the query contains {', '.join(sorted(found))}, which can change the graph or "
                           "the server")
    for match in _CALL.finditer(bare):
        target = match.group(1)
        if target == "{":
            continue  # a subquery: its own clauses were checked above
        if target.lower() not in READ_PROCEDURES:
            allowed = ", ".join(sorted(READ_PROCEDURES))
            raise WriteRefused(f"read-only: procedure {target!r} is not on the list of read-only procedures ({allowed})")


def plain(value: Any) -> Any:
    """Driver values as JSON: nodes, relationships and paths with their properties, evidence as a list."""
    if isinstance(value, Node):
        props = dict(value.items())
        return {"labels": sorted(value.labels), **_props(props)}
    if isinstance(value, Relationship):
        props = dict(value.items())
        start = value.start_node.get("id") if value.start_node is not None else None
        end = value.end_node.get("id") if value.end_node is not None else None
        if (start is None or end is None) and "->" in str(props.get("key", "")):
            # The ends were not returned with the relationship: the stored key is TYPE:start->end.
            start, _, end = str(props["key"]).partition(":")[2].partition("->")
        return {"type": value.type, "start": start, "end": end, **_props(props)}
    if isinstance(value, Path):
        return {"nodes": [plain(n) for n in value.nodes], "relationships": [plain(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)  # temporal and spatial values


def _props(props: dict[str, Any]) -> dict[str, Any]:
    ev = evidence_from_properties(props)
    rest = {k: plain(v) for k, v in sorted(props.items()) if k not in EVIDENCE_KEYS and k != "search_text"}
    return {"properties": rest, "evidence": ev}


def run_read_only(engine: Engine, query: str, parameters: dict[str, Any], max_rows: int) -> Answer:
    """Check, then run in a read transaction; roll back (WriteRefused) if the summary shows any update."""
    check(query)
    return execute_checked(engine, query, parameters, max_rows)


def execute_checked(engine: Engine, query: str, parameters: dict[str, Any], max_rows: int) -> Answer:
    """The second layer alone (call `run_read_only`): run in a read transaction, roll back on any update."""
    started = time.perf_counter()

    @unit_of_work(timeout=engine.timeout_s)
    def work(tx: ManagedTransaction) -> tuple[list[str], list[dict[str, Any]], bool]:
        result = tx.run(query, parameters)
        columns = list(result.keys())
        rows: list[dict[str, Any]] = []
        truncated = False
        for record in result:
            if len(rows) == max_rows:
                truncated = True
                break
            rows.append({key: plain(record[key]) for key in columns})
        summary = result.consume()
        counters = summary.counters
        if counters.contains_updates or counters.contains_system_updates:
            raise WriteRefused("read-only: the query changed the graph; the change was rolled back")
        return columns, rows, truncated

    try:
        columns, rows, truncated = engine.execute_read(work)
    except ClientError as error:
        if error.code == ACCESS_MODE:
            raise WriteRefused("read-only: the query tried to write; Neo4j refused it in the read transaction, which "
                               "was rolled back") from error
        raise
    return Answer(columns, rows, truncated, round((time.perf_counter() - started) * 1000, 1))
