"""Read-only Cypher over HTTP, the one error shape, engine-down answers, and the Neo4j Browser guide and style."""
from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from neo4j import GraphDatabase

from api.app import create_app
from api.browser import SLIDES, example
from graph.engine import Engine
from graph.queries import cypher
from graph.readonly import WriteRefused, check, execute_checked
from graph.settings import Settings

ERROR_KEYS = {"status", "code", "message", "suggestions", "details"}


def error_of(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == ERROR_KEYS
    assert body["error"]["status"] == status and body["error"]["message"]
    return dict(body["error"])


def count(engine: Engine, label: str = "Body") -> int:
    return int(engine.read_text(f"MATCH (n:{label}) RETURN count(n) AS c")[0]["c"])


def test_read_query_with_parameters(client: TestClient) -> None:
    answer = client.post("/cypher", json={
        "query": "MATCH (b:Body {id: $id})-[r:REPORTS_TO]->(t) RETURN b, r, t.name AS top",
        "parameters": {"id": "domestic-violence-delivery-group"}}).json()
    assert answer["columns"] == ["b", "r", "top"] and answer["row_count"] == 1
    row = answer["rows"][0]
    assert row["top"] == "Safer Leicester Partnership"
    assert row["b"]["labels"] == ["Body"] and row["b"]["evidence"][0]["quote"]
    assert row["r"]["type"] == "REPORTS_TO" and row["r"]["end"] == "safer-leicester-partnership"


def test_rows_are_capped(client: TestClient, settings: Settings) -> None:
    answer = client.post("/cypher", json={"query": "MATCH (n) RETURN n.id AS id"}).json()
    assert answer["truncated"] and answer["row_count"] == settings.max_rows
    small = client.post("/cypher", json={"query": "MATCH (n) RETURN n.id AS id", "limit": 3}).json()
    assert small["row_count"] == 3 and small["truncated"]
    few = client.post("/cypher", json={"query": "MATCH (d:Document) RETURN d.id AS id"}).json()
    assert few["row_count"] == 5 and not few["truncated"]


@pytest.mark.parametrize("query", [
    "CREATE (n:Body {id: 'intruder'}) RETURN n",
    "MATCH (n:Body) DETACH DELETE n",
    "MATCH (n:Body {id: 'civic-alliance'}) SET n.name = 'x'",
    "MERGE (n:Body {id: 'intruder'})",
    "MATCH (n) REMOVE n.name",
    "CALL apoc.create.node(['Body'], {id: 'intruder'})",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "MATCH (n) RETURN n; MATCH (m) DELETE m",
    "DROP CONSTRAINT unique_body_id",
])
def test_writes_are_refused_and_the_graph_is_unchanged(client: TestClient, loaded_engine: Engine, query: str) -> None:
    before = count(loaded_engine)
    error = error_of(client.post("/cypher", json={"query": query}), 400)
    assert error["code"] == "write_refused" and ("read-only" in error["message"] or "one statement" in error["message"])
    assert count(loaded_engine) == before


def test_words_of_write_clauses_are_fine_as_names_and_text() -> None:
    check("MATCH (start:Body)-[r]->(end) WHERE start.name CONTAINS 'Create' RETURN start.set, {delete: 1} AS m")
    check("// CREATE nothing\nMATCH (n) RETURN n /* SET */")
    with pytest.raises(WriteRefused):
        check("MATCH (n) WITH n CREATE (m)")


def test_a_write_that_passes_the_text_check_is_rolled_back(loaded_engine: Engine) -> None:
    """The READ transaction alone (no text check, no plan check): Neo4j refuses the write; nothing is written."""
    before = count(loaded_engine)
    with pytest.raises(WriteRefused, match="rolled back"):
        execute_checked(loaded_engine, "CREATE (n:Body {id: 'intruder', name: 'x'}) RETURN n", {}, 10, plan=False)
    with pytest.raises(WriteRefused, match="plan holds Create"):
        execute_checked(loaded_engine, "CREATE (n:Body {id: 'intruder', name: 'x'}) RETURN n", {}, 10)
    assert count(loaded_engine) == before
    assert not loaded_engine.read_text("MATCH (n:Body {id: 'intruder'}) RETURN n")


def test_bad_cypher_and_runaway_queries(client: TestClient) -> None:
    error = error_of(client.post("/cypher", json={"query": "MATCH (n RETURN n"}), 400)
    assert error["code"] == "bad_query"
    slow = "UNWIND range(1, 30000) AS x UNWIND range(1, 30000) AS y WITH x, y WHERE (x * y) % 7 = 3 RETURN count(*) AS c"
    error = error_of(client.post("/cypher", json={"query": slow}), 408)
    assert error["code"] == "timeout"
    assert client.get("/health").status_code == 200  # the engine still answers


def test_one_error_shape(client: TestClient) -> None:
    missing = error_of(client.get("/bodies/strategic-partnership-bored"), 404)
    assert missing["code"] == "not_found" and missing["suggestions"][0]["id"] == "strategic-partnership-board"
    assert "Did you mean" in missing["message"]
    error_of(client.get("/bodies/strategic-partnership-board/chain", params={"as_of": "2012-13-45"}), 422)
    invalid = error_of(client.get("/bodies/strategic-partnership-board/reports", params={"depth": "deep"}), 422)
    assert invalid["details"] and invalid["details"][0]["location"] == "query.depth"
    error_of(client.post("/cypher", json={"parameters": {}}), 422)
    error_of(client.get("/areas/atlantis"), 404)
    error_of(client.get("/no/such/route"), 404)
    error_of(client.post("/cypher", json={"query": "CREATE (n)"}), 400)


def test_engine_down_is_503_with_retry_after(settings: Settings) -> None:
    dead = Engine(GraphDatabase.driver("bolt://127.0.0.1:9", auth=("neo4j", "x"), connection_timeout=1,
                                        max_transaction_retry_time=0.2), None, 1.0, where="bolt://127.0.0.1:9")
    try:
        with TestClient(create_app(settings=settings, engine=dead)) as down:
            for response in (down.get("/bodies/strategic-partnership-board"), down.get("/health"),
                             down.get("/bodies", params={"q": "cspb"})):
                error = error_of(response, 503)
                assert error["code"] == "engine_unavailable" and response.headers["Retry-After"].isdigit()
    finally:
        dead.driver.close()


def test_browser_guide_runs_the_library(client: TestClient) -> None:
    response = client.get("/browser/guide.html", headers={"Origin": "http://localhost:7474"})
    assert response.status_code == 200 and response.headers["access-control-allow-origin"] == "*"
    guide = response.text
    assert guide.startswith('<article class="guide">') and guide.count("<slide") == len(SLIDES) + 1
    import html

    blocks = [html.unescape(b) for b in re.findall(r'<pre class="pre-scrollable code runnable">(.*?)</pre>', guide, re.S)]
    for name in SLIDES:
        body = "\n".join(line for line in cypher(name).splitlines() if not line.startswith("//")).strip()
        assert body in blocks, name
        if example(name):
            assert any(b.startswith(":params {") for b in blocks)


def test_browser_style_colours_every_label(client: TestClient) -> None:
    from graph.schema import load_schema

    style = client.get("/browser/style.grass").text
    for label in load_schema().labels:
        assert f"node.{label} {{" in style, label
    assert "relationship.REPORTS_TO" in style and "relationship.MERGED_INTO" in style
