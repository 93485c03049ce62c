"""The Cypher library: one named statement per file in cypher/, read once and cached."""
from __future__ import annotations

from functools import cache
from pathlib import Path

from graph.settings import REPO

CYPHER_DIR = REPO / "cypher"


class UnknownQuery(KeyError):
    pass


@cache
def cypher(name: str) -> str:
    """The text of cypher/<name>.cypher (name may hold a sub-folder, e.g. 'neo4j/constraints')."""
    path = (CYPHER_DIR / f"{name}.cypher").resolve()
    if CYPHER_DIR.resolve() not in path.parents or not path.is_file():
        raise UnknownQuery(name)
    return path.read_text(encoding="utf-8")


def query_names(sub: str | None = None) -> list[str]:
    root = CYPHER_DIR if sub is None else CYPHER_DIR / sub
    return sorted(str(p.relative_to(CYPHER_DIR).with_suffix("")) for p in root.rglob("*.cypher"))


def header(name: str) -> str:
    """The leading // comment of a query file: what it answers and its parameters."""
    lines = []
    for line in cypher(name).splitlines():
        if not line.startswith("//"):
            break
        lines.append(line[2:].strip())
    return "\n".join(lines)


def file_path(name: str) -> Path:
    return CYPHER_DIR / f"{name}.cypher"


class BadIdentifier(ValueError):
    pass


def specialise(name: str, **identifiers: str) -> str:
    """A query whose labels or types are placeholders (__LABEL__ ...), filled only with names the schema
    declares. Values are always parameters; only schema identifiers are ever put into query text."""
    from graph.schema import load_schema

    schema = load_schema()
    known = set(schema.labels) | set(schema.relationships)
    text = cypher(name)
    for placeholder, identifier in identifiers.items():
        if identifier not in known:
            raise BadIdentifier(f"{identifier!r} is not a label or relationship type of the schema")
        token = f"__{placeholder.upper()}__"
        if token not in text:
            raise BadIdentifier(f"{name} has no {token}")
        text = text.replace(token, identifier)
    return text
