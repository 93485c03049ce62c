"""Every attempt in tests/security/attempts.py through POST /cypher is refused and changes nothing (counts, labels,
types, property keys, indexes, constraints, users all as before), and no answer holds a file's content; and the
server's layers alone (no text check) hold against every one too."""
from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from neo4j.exceptions import Neo4jError

from graph import readonly
from graph.engine import Engine
from tests.security.attempts import ATTEMPTS, every_attempt
from tests.security.conftest import FILE_MARKERS, snapshot

CASES = every_attempt()
IDS = [f"{kind}-{i}" for i, (kind, _, _) in enumerate(CASES)]


def test_sixty_or_more_attempts_in_every_class() -> None:
    assert len(CASES) >= 60
    assert all(len(attempts) >= 5 for attempts in ATTEMPTS.values())


@pytest.mark.parametrize(("kind", "query", "params"), CASES, ids=IDS)
def test_refused_through_the_api_and_nothing_changed(client: TestClient, loaded_engine: Engine,
                                                     baseline: dict[str, Any], kind: str, query: str,
                                                     params: dict[str, Any]) -> None:
    response = client.post("/cypher", json={"query": query, "parameters": params})
    assert response.status_code == 400, (kind, query, response.text)
    assert response.json()["error"]["code"] in {"write_refused", "bad_query"}
    assert not any(marker in response.text for marker in FILE_MARKERS)
    assert snapshot(loaded_engine) == baseline


@pytest.mark.parametrize(("kind", "query", "params"), CASES, ids=IDS)
def test_refused_by_the_server_layers_alone(loaded_engine: Engine, baseline: dict[str, Any], kind: str, query: str,
                                            params: dict[str, Any]) -> None:
    """No text check: the plan check and Neo4j's READ transaction refuse each attempt by themselves."""
    with pytest.raises((readonly.WriteRefused, Neo4jError)):
        readonly.execute_checked(loaded_engine, query, params, 10)
    assert snapshot(loaded_engine) == baseline


# What a READ transaction by itself does not refuse (they read outside the graph or about the server, or end other
# transactions): the plan check and the server's configuration stop those; every other attempt writes, and Neo4j
# itself refuses it.
READS_OUTSIDE = ("LOAD CSV", "SHOW ", "DBMS.", "DB.STATS", "CLEARQUERYCACHES", "USE SYSTEM", "TERMINATE")
WRITES_ONLY = [case for case in CASES if not any(part in case[1].upper().replace("`", "") for part in READS_OUTSIDE)]


@pytest.mark.parametrize(("kind", "query", "params"), WRITES_ONLY, ids=[f"{c[0]}-{i}" for i, c in enumerate(WRITES_ONLY)])
def test_writes_are_refused_by_the_read_transaction_alone(loaded_engine: Engine, baseline: dict[str, Any], kind: str,
                                                          query: str, params: dict[str, Any]) -> None:
    """Neither text nor plan check: every write is refused by Neo4j itself in the READ transaction."""
    with pytest.raises((readonly.WriteRefused, Neo4jError)):
        readonly.execute_checked(loaded_engine, query, params, 10, plan=False)
    assert snapshot(loaded_engine) == baseline


def test_file_urls_are_refused_by_the_server_configuration(loaded_engine: Engine) -> None:
    """Neither text nor plan check: the server refuses file URLs and every network address in LOAD CSV."""
    for url, setting in (("file:///etc/passwd", "allow_csv_import_from_file_urls"),
                         ("http://127.0.0.1:1/x.csv", "cypher_ip_blocklist")):
        with pytest.raises(Neo4jError, match=setting):
            readonly.execute_checked(loaded_engine, "LOAD CSV FROM $url AS l RETURN l", {"url": url}, 10, plan=False)


def test_the_read_only_procedures_still_answer(client: TestClient) -> None:
    for query in ("CALL db.labels() YIELD label RETURN label",
                  "CALL db.index.fulltext.queryNodes('names', 'safer') YIELD node RETURN node.id AS id LIMIT 3",
                  "SHOW INDEXES YIELD name RETURN name", "CALL db.schema.visualization()"):
        response = client.post("/cypher", json={"query": query})
        assert response.status_code == 200, (query, response.text)
        assert response.json()["row_count"] >= 1
