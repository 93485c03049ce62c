"""Read-only Cypher for users: Neo4j refuses writes in the READ transaction the query runs in, and the query's plan
is checked before it runs.

The layers, strongest first:
1. The query runs in an explicit transaction of a session in READ access mode, with its own timeout, and is always
   rolled back: Neo4j refuses every write, schema change and administration command in it
   (`Neo.ClientError.Statement.AccessMode`), whatever the text looks like.
2. `EXPLAIN` of the query, in the same transaction, before it runs: a plan that calls a procedure outside
   READ_PROCEDURES, holds a writing operator, `LOAD CSV`, an administration or schema command, or touches another
   database (`USE system`) is refused. This stops what a READ transaction still allows: `SHOW USERS`,
   `SHOW SETTINGS`, `CALL db.clearQueryCaches()`, `CALL dbms.listConfig()`.
3. The server's configuration (graph/server/neo4j.conf): no file URLs and no network addresses in `LOAD CSV`, no
   plugins, a memory limit per transaction and for all together.
4. A text check (graph.cypher_text tokenises in linear time), only for a friendly early message.

An answer is capped in rows and in bytes (the JSON of its rows); the transaction is not retried (an explicit
transaction never is), so a memory-limit error is answered at once rather than run again.
"""
from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from neo4j import READ_ACCESS, Transaction
from neo4j.exceptions import ClientError, ServiceUnavailable, SessionExpired, TransientError
from neo4j.graph import Node, Path, Relationship

from graph.cypher_text import CypherTextError, Token, tokens
from graph.engine import Engine
from graph.errors import EngineUnavailable
from graph.store import EVIDENCE_KEYS, evidence_from_properties

# Clauses that write, refused wherever they stand as clause words.
WRITE_CLAUSES = frozenset({"CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "DROP", "FOREACH", "LOAD",
                           "INSERT"})
# Administration commands: they only open a statement (or a subquery), and are common words elsewhere.
ADMIN_COMMANDS = frozenset({"ALTER", "GRANT", "REVOKE", "DENY", "RENAME", "START", "STOP", "TERMINATE", "ENABLE",
                            "DEALLOCATE", "REALLOCATE", "DRYRUN"})
# `SHOW ...` commands that only describe this database's schema and library.
SHOW_ALLOWED = frozenset({"INDEX", "INDEXES", "CONSTRAINT", "CONSTRAINTS", "FUNCTION", "FUNCTIONS", "PROCEDURE",
                          "PROCEDURES", "RANGE", "FULLTEXT", "TEXT", "POINT", "LOOKUP", "VECTOR", "ALL", "UNIQUE",
                          "EXISTENCE", "KEY", "NODE", "RELATIONSHIP", "REL", "BUILT", "BUILTIN", "USER", "DEFINED"})
# Procedures a user query may call: they read the schema or the full-text index, nothing else.
READ_PROCEDURES = frozenset({"db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
                             "db.schema.nodetypeproperties", "db.schema.reltypeproperties",
                             "db.index.fulltext.querynodes", "db.index.fulltext.queryrelationships",
                             "db.index.fulltext.listavailableanalyzers", "dbms.components"})
# Plan operators (the name before '@') that write, read outside the graph, or run in other transactions.
WRITE_OPERATORS = ("Create", "Merge", "Delete", "DetachDelete", "Set", "Remove", "Foreach", "LoadCSV", "Transaction",
                   "Drop", "Alter", "Grant", "Revoke", "Deny", "Terminate", "Start", "Stop", "Rename", "Enable",
                   "Administration", "DoNothingIfExists")
# The `SHOW ...` operators a user query may use; any other (users, roles, settings, transactions...) is refused.
SHOW_OPERATORS = frozenset({"ShowIndexes", "ShowConstraints", "ShowFunctions", "ShowProcedures"})
# What Neo4j answers to a write (or schema change) in a read transaction.
ACCESS_MODE = "Neo.ClientError.Statement.AccessMode"
MEMORY_CODES = ("MemoryPoolOutOfMemoryError", "OutOfMemoryError", "TransactionOutOfMemoryError")
TIMEOUT_CODES = ("TransactionTimedOut", "TimedOut", "Timeout")


class WriteRefused(ValueError):
    """The query would write, read outside the graph, or administer the server; the message says why."""


class AnswerTooLarge(ValueError):
    """The answer's JSON is over the byte cap; the message says how to narrow it."""


class MemoryLimit(RuntimeError):
    """The server stopped the query at its memory limit."""


class QueryTimeout(RuntimeError):
    """The server stopped the query at its time limit."""


@dataclass(frozen=True)
class Answer:
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool
    elapsed_ms: float
    size_bytes: int = 0


def _words(found: list[Token]) -> Iterator[tuple[int, Token]]:
    for index, token in enumerate(found):
        if token.kind == "word":
            yield index, token


def _is_name_position(found: list[Token], index: int) -> bool:
    """Whether the word at `index` is a property key, label, type, map key or function namespace, not a clause."""
    before = found[index - 1] if index > 0 else None
    after = found[index + 1] if index + 1 < len(found) else None
    if before is not None and before.kind == "symbol" and before.text in ".:":
        return True
    return after is not None and after.kind == "symbol" and after.text in ":."


def _opens_statement(found: list[Token], index: int) -> bool:
    return index == 0 or (found[index - 1].kind == "symbol" and found[index - 1].text in "{;")


def _procedure_name(found: list[Token], index: int) -> str | None:
    """The dotted name after CALL at `index` (parts may be `quoted`), or None for a subquery `CALL {` / `CALL (`."""
    parts: list[str] = []
    i = index + 1
    while i < len(found) and found[i].kind in ("word", "name"):
        parts.append(found[i].text)
        if i + 1 < len(found) and found[i + 1].kind == "symbol" and found[i + 1].text == ".":
            i += 2
            continue
        break
    return ".".join(parts) if parts else None


def check(query: str) -> None:
    """Raise WriteRefused when the text holds a writing clause, an administration command, `USE` of a database or a
    procedure that is not known read-only. A friendly early message only: the READ transaction and the plan check
    are the guard."""
    if not query.strip():
        raise WriteRefused("the query is empty")
    try:
        found = tokens(query)
    except CypherTextError as error:
        raise WriteRefused(f"the query cannot be read: {error}") from error
    semicolons = [t for t in found if t.kind == "symbol" and t.text == ";"]
    if semicolons and (len(semicolons) > 1 or semicolons[0] is not found[-1]):
        raise WriteRefused("one statement at a time: the query holds ';' between statements")
    refused: set[str] = set()
    for index, token in _words(found):
        word = token.text.upper()
        if _is_name_position(found, index):
            continue
        if word in WRITE_CLAUSES or word == "USE" or (word in ADMIN_COMMANDS and _opens_statement(found, index)):
            refused.add(word)
        elif word == "SHOW" and _opens_statement(found, index):
            following = found[index + 1].text.upper() if index + 1 < len(found) else ""
            if following not in SHOW_ALLOWED:
                refused.add(f"SHOW {following}".strip())
        elif word == "CALL":
            name = _procedure_name(found, index)
            if name is not None and name.lower() not in READ_PROCEDURES:
                allowed = ", ".join(sorted(READ_PROCEDURES))
                raise WriteRefused(f"read-only: procedure {name!r} is not on the list of read-only procedures "
                                   f"({allowed})")
    if refused:
        raise WriteRefused(f"read-only: the query contains {', '.join(sorted(refused))}, which can change the graph, "
                           "read outside it or administer the server")


def _operator(plan: dict[str, Any]) -> tuple[str, str]:
    name, _, database = str(plan.get("operatorType", "")).partition("@")
    return name, database


def check_plan(plan: dict[str, Any], database: str | None) -> None:
    """Raise WriteRefused when the EXPLAIN plan (the driver's dict) writes, loads, administers, calls a procedure
    outside READ_PROCEDURES or runs on another database."""
    args = plan.get("args") or plan.get("arguments") or {}
    if args.get("planner") == "ADMINISTRATION" or args.get("runtime") in ("SCHEMA", "SYSTEM"):
        raise WriteRefused("read-only: administration and schema commands are refused")
    stack = [plan]
    while stack:
        node = stack.pop()
        name, on = _operator(node)
        if database is not None and on and on != database:
            raise WriteRefused(f"read-only: the query uses the database {on!r}; only {database!r} is open to queries")
        if name.startswith("Show") and name not in SHOW_OPERATORS:
            raise WriteRefused(f"read-only: {name} is refused (only indexes, constraints, functions and procedures "
                               "may be shown)")
        if name.startswith(WRITE_OPERATORS):
            raise WriteRefused(f"read-only: the plan holds {name}, which writes or reads outside the graph")
        if name == "ProcedureCall":
            details = str((node.get("args") or node.get("arguments") or {}).get("Details", ""))
            procedure = details.partition("(")[0].strip()
            if procedure.lower() not in READ_PROCEDURES:
                raise WriteRefused(f"read-only: procedure {procedure!r} is not on the list of read-only procedures")
        stack.extend(node.get("children") or [])


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


def row_bytes(row: dict[str, Any]) -> int:
    """The size of one row as the API sends it (compact UTF-8 JSON)."""
    return len(json.dumps(row, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8"))


def least_bytes(value: Any, budget: int) -> int:
    """A lower bound of the JSON size of a driver value, counted only until it passes `budget` (so a list of five
    million integers is judged too large after two million, before any of it is converted or serialised)."""
    total = 0
    stack = [value]
    while stack and total <= budget:
        item = stack.pop()
        if isinstance(item, str):
            total += len(item) + 2
        elif isinstance(item, list | tuple):
            total += 2 + len(item)
            stack.extend(item)
        elif isinstance(item, dict):
            total += 2 + len(item) * 4
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, Node | Relationship):
            total += 20
            stack.append(dict(item.items()))
        elif isinstance(item, Path):
            stack.extend(item.nodes)
            stack.extend(item.relationships)
        else:
            total += 1
    return total


def run_read_only(engine: Engine, query: str, parameters: dict[str, Any], max_rows: int,
                  max_bytes: int = 4 * 1024 * 1024) -> Answer:
    """Check the text, then run in a READ transaction after checking its plan; always rolled back."""
    check(query)
    return execute_checked(engine, query, parameters, max_rows, max_bytes)


def _too_large(max_bytes: int, rows: int) -> AnswerTooLarge:
    return AnswerTooLarge(f"the answer is larger than {max_bytes:,} bytes after {rows} rows: return fewer or smaller "
                          "values (LIMIT, or properties instead of whole nodes)")


def _collect(tx: Transaction, query: str, parameters: dict[str, Any], max_rows: int,
             max_bytes: int) -> tuple[list[str], list[dict[str, Any]], bool, int]:
    result = tx.run(query, parameters)
    columns = list(result.keys())
    rows: list[dict[str, Any]] = []
    size, truncated = 2, False
    for record in result:
        if len(rows) == max_rows:
            truncated = True
            break
        if size + least_bytes(list(record.values()), max_bytes - size) > max_bytes:
            raise _too_large(max_bytes, len(rows))
        row = {key: plain(record[key]) for key in columns}
        size += row_bytes(row) + 1
        if size > max_bytes:
            raise _too_large(max_bytes, len(rows))
        rows.append(row)
    return columns, rows, truncated, size


def _translate(error: Exception) -> Exception | None:
    code = str(getattr(error, "code", "") or "")
    if code == ACCESS_MODE:
        return WriteRefused("read-only: the query tried to write; Neo4j refused it in the read transaction, which was "
                            "rolled back")
    if any(part in code for part in MEMORY_CODES):
        return MemoryLimit("the query needed more memory than the server allows a transaction and was stopped")
    if any(part in code for part in TIMEOUT_CODES):
        return QueryTimeout("the query ran longer than its time limit and was stopped")
    return None


def execute_checked(engine: Engine, query: str, parameters: dict[str, Any], max_rows: int,
                    max_bytes: int = 4 * 1024 * 1024, *, plan: bool = True) -> Answer:
    """The server-side layers alone (call `run_read_only`): plan check, then run, in one READ transaction that is
    never committed and never retried. `plan=False` leaves the plan check out, so that tests can show the READ
    transaction holding by itself."""
    started = time.perf_counter()
    try:
        with engine.driver.session(database=engine.database, default_access_mode=READ_ACCESS) as session, \
                session.begin_transaction(timeout=engine.timeout_s) as tx:
            try:
                if plan:
                    summary = tx.run("EXPLAIN " + query, parameters).consume()
                    check_plan(summary.plan or {}, summary.database)
                columns, rows, truncated, size = _collect(tx, query, parameters, max_rows, max_bytes)
            finally:
                tx.rollback()
    except (ServiceUnavailable, SessionExpired) as error:
        raise EngineUnavailable(f"Neo4j at {engine.where} stopped answering: {error}") from error
    except (ClientError, TransientError) as error:
        translated = _translate(error)
        if translated is not None:
            raise translated from error
        raise
    except Exception as error:  # DatabaseError and others: a timeout or memory code, or the engine's own words
        translated = _translate(error)
        if translated is not None:
            raise translated from error
        raise
    return Answer(columns, rows, truncated, round((time.perf_counter() - started) * 1000, 1), size)
