"""What the security tests share: a snapshot of everything an attempt could change (counts, labels, types,
property keys, indexes, constraints, users), taken through an admin session, not through the API under test."""
from __future__ import annotations

from typing import Any

import pytest

from graph.engine import Engine

FILE_MARKERS = ("root:x:0:0", "root:*:0:0", "localhost", "PATH=")


def snapshot(engine: Engine) -> dict[str, Any]:
    """The state an attempt must leave as it was."""
    def values(query: str) -> list[Any]:
        return sorted(str(row[next(iter(row))]) for row in engine.read_text(query))

    with engine.driver.session(database="system") as session:
        users = sorted(str(record["user"]) for record in session.run("SHOW USERS YIELD user"))
    return {
        "counts": engine.read_text("MATCH (n) RETURN count(n) AS nodes")[0]["nodes"],
        "relationships": engine.read_text("MATCH ()-[r]->() RETURN count(r) AS c")[0]["c"],
        "labels": values("CALL db.labels() YIELD label RETURN label"),
        "types": values("CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType"),
        "keys": values("CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey"),
        "indexes": values("SHOW INDEXES YIELD name, state RETURN name + ':' + state AS i"),
        "constraints": values("SHOW CONSTRAINTS YIELD name RETURN name"),
        "names": values("MATCH (b:Body) RETURN b.name AS name"),
        "users": users,
    }


@pytest.fixture(scope="module")
def baseline(loaded_engine: Engine) -> dict[str, Any]:
    return snapshot(loaded_engine)
