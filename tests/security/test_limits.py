"""Limits that hold under load (issue 13): a few user queries at once (429 with Retry-After beyond, never a queue
or a 500), /health and cached routes unaffected by slow queries, answers capped in bytes, time and memory limited
by the server, cache keys from declared parameters only and the cache bounded in bytes, trusted Host names, a body
size limit, and as_of in ASCII digits naming a real date."""
from __future__ import annotations

import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fastapi.testclient import TestClient

from api.cache import ResponseCache
from graph.settings import Settings

# Runs until the session's query timeout (tests/conftest.py: 4 s) stops it.
SLOW = "UNWIND range(1, 30000) AS x UNWIND range(1, 30000) AS y WITH x, y WHERE (x * y) % 7 = 3 RETURN count(*) AS c"
# Kilobyte strings collected: the transaction's tracked memory passes any limit within a second or two.
BIG_COLLECT = ("WITH reduce(s = '', i IN range(1, 100) | s + '0123456789') AS pad UNWIND range(1, 10000000) AS x "
               "WITH collect(pad + x) AS c RETURN size(c) AS n")


def timed(call: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    result = call()
    return time.perf_counter() - started, result


def test_more_queries_than_the_gate_allows_are_429_with_retry_after(client: TestClient, settings: Settings) -> None:
    assert settings.max_concurrent_queries == 2
    client.get("/themes")  # cached from here on
    with ThreadPoolExecutor(max_workers=8) as pool:
        slow = [pool.submit(client.post, "/cypher", json={"query": SLOW}) for _ in range(6)]
        time.sleep(0.8)  # the two admitted queries are running now
        health = [timed(lambda: client.get("/health")) for _ in range(5)]
        cached = [timed(lambda: client.get("/themes")) for _ in range(5)]
        answers = [future.result() for future in slow]
    codes = sorted(response.status_code for response in answers)
    assert codes == [408, 408, 429, 429, 429, 429], codes
    for response in answers:
        if response.status_code == 429:
            assert response.headers["Retry-After"].isdigit()
            assert response.json()["error"]["code"] == "too_many_queries"
    assert all(response.status_code == 200 for _, response in health + cached)
    # Before the gate, six slow queries made /health take 10 s; the bounds leave room for a busy shared machine.
    assert statistics.median(seconds for seconds, _ in health) < 2.0
    assert max(seconds for seconds, _ in cached) < 1.0


def test_the_gate_is_free_again_after_refusals(client: TestClient) -> None:
    response = client.post("/cypher", json={"query": "RETURN 1 AS one"})
    assert response.status_code == 200 and response.json()["rows"] == [{"one": 1}]


def test_a_runaway_query_is_stopped_by_the_server_at_its_timeout(client: TestClient, settings: Settings) -> None:
    seconds, response = timed(lambda: client.post("/cypher", json={"query": SLOW}))
    assert response.status_code == 408 and response.json()["error"]["code"] == "timeout"
    assert seconds < settings.query_timeout_ms / 1000 + 3


def test_an_answer_over_the_byte_cap_is_refused(client: TestClient, settings: Settings) -> None:
    assert settings.max_answer_bytes == 4 * 1024 * 1024
    for query in ("RETURN range(1, 5000000) AS r", "UNWIND range(1, 40) AS i RETURN i, range(1, 20000) AS r"):
        response = client.post("/cypher", json={"query": query})
        assert response.status_code == 400, response.text
        assert response.json()["error"]["code"] == "answer_too_large"
    small = client.post("/cypher", json={"query": "UNWIND range(1, 40) AS i RETURN i, range(1, 100) AS r"})
    assert small.status_code == 200 and len(small.content) < settings.max_answer_bytes


def test_the_memory_limit_is_the_servers_and_is_not_retried(client: TestClient, settings: Settings) -> None:
    seconds, response = timed(lambda: client.post("/cypher", json={"query": BIG_COLLECT}))
    assert response.status_code == 413, response.text
    assert response.json()["error"]["code"] == "memory_limit"
    assert seconds < settings.query_timeout_ms / 1000 + 3  # refused once, not retried for 30 s
    assert client.get("/health").status_code == 200


def test_cache_keys_leave_out_undeclared_parameters(client: TestClient) -> None:
    cache: ResponseCache = client.app.state.cache  # type: ignore[attr-defined]
    client.get("/themes")
    before = len(cache)
    for i in range(200):
        assert client.get("/themes", params={f"junk{i}": "x" * 100}).status_code == 200
    assert len(cache) == before
    for junk in ("1", "2"):  # a declared parameter makes its own entry; the junk beside it does not
        path = "/bodies/safer-rutland-partnership"
        assert client.get(path, params={"as_of": "2012", "junk": junk}).status_code == 200
    assert len(cache) == before + 1


def test_the_cache_is_bounded_in_bytes() -> None:
    cache = ResponseCache(max_bytes=10_000)
    for i in range(100):
        cache.put(f"/x?i={i}", b"x" * 1000, built_in=0)
    assert cache.size_bytes <= 10_000 and 5 <= len(cache) <= 10
    cache.put("/huge", b"x" * 9000, built_in=0)  # over a quarter of the bound: not kept
    assert cache.size_bytes <= 10_000


def test_only_trusted_host_names_are_answered(client: TestClient) -> None:
    for host in ("evil.example", "evil.example:8000", "127.0.0.2", "localhost.evil.example"):
        response = client.get("/health", headers={"Host": host})
        assert response.status_code == 400 and response.json()["error"]["code"] == "untrusted_host", host
    for host in ("localhost:8000", "127.0.0.1", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST"):
        assert client.get("/health", headers={"Host": host}).status_code == 200, host


def test_the_production_defaults_do_not_trust_the_test_client() -> None:
    assert "testserver" not in Settings().trusted_hosts
    assert Settings.from_env({"LANDSCAPE_TRUSTED_HOSTS": "api, Graph.Example"}).trusted_hosts[-2:] == (
        "api", "graph.example")


def test_a_body_over_the_limit_is_413(client: TestClient, settings: Settings) -> None:
    big = {"query": "RETURN 1", "parameters": {"x": "y" * (settings.max_body_bytes + 10)}}
    response = client.post("/cypher", json=big)
    assert response.status_code == 413 and response.json()["error"]["code"] == "too_large"


def test_as_of_is_an_ascii_date_of_the_calendar(client: TestClient) -> None:
    for bad in ("\uff12\uff10\uff10\uff16", "2012-02-30", "2011-02-29", "2012-13", "٢٠١٢"):
        response = client.get("/landscape", params={"as_of": bad})
        assert response.status_code == 422, bad
    for good in ("2012", "2012-02", "2012-02-29"):
        assert client.get("/landscape", params={"as_of": good}).status_code == 200, good
