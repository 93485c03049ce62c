"""Figures for the limits of issue 13, measured over HTTP against a served API on the configured Neo4j.

    LANDSCAPE_DATA_DIR=... .venv/bin/python benchmarks/bench_limits.py [--port 18050] [--slow 12]

Uses the Neo4j that `landscape db start` runs for the environment (LANDSCAPE_DATA_DIR, ports) with the seeds loaded
(`landscape load`), serves the API with uvicorn in a child process on 127.0.0.1 (production limits: 2 user queries at
once, 10 s per query, 4 MiB per answer), and prints: the time a runaway query takes to be refused, a string-doubling
expression, `RETURN range(1, 5000000)`, a collect past the transaction memory limit, /health p50 idle and with
`--slow` slow queries in parallel (with how those were answered), the text check on 20,000 characters of quotes and
backslashes, and the API's memory after 1,500 requests with junk parameters. Every request goes to loopback, each
loop is bounded. Never a timed test: these machines are noisy.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SLOW = "UNWIND range(1, 30000) AS x UNWIND range(1, 30000) AS y WITH x, y WHERE (x * y) % 7 = 3 RETURN count(*) AS c"
QUERIES = {
    "runaway query (9e8 rows)": SLOW,
    "string doubling (2^34 chars)": "RETURN size(reduce(s = 'x', i IN range(1, 34) | s + s)) AS n",
    "RETURN range(1, 5000000)": "RETURN range(1, 5000000) AS r",
    "collect of 1e7 strings of 1 kB": ("WITH reduce(s = '', i IN range(1, 100) | s + '0123456789') AS pad "
                                       "UNWIND range(1, 10000000) AS x WITH collect(pad + x) AS c RETURN size(c) AS n"),
}


def request(base: str, path: str, body: dict[str, Any] | None = None, timeout: float = 60) -> tuple[int, float, bytes]:
    """(status, seconds, body) of one request."""
    data = None if body is None else json.dumps(body).encode("utf-8")
    headers = {"content-type": "application/json"} if data is not None else {}
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(urllib.request.Request(base + path, data=data, headers=headers),
                                    timeout=timeout) as response:
            content = response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        content, status = error.read(), error.code
    return status, time.perf_counter() - started, content


def code_of(content: bytes) -> str:
    try:
        return str(json.loads(content)["error"]["code"])
    except (ValueError, KeyError, TypeError):
        return "ok"


def serve(port: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "uvicorn", "api.app:create_app", "--factory", "--host", "127.0.0.1",
               "--port", str(port), "--log-level", "warning"]
    process = subprocess.Popen(command, cwd=REPO, env=dict(os.environ))
    for _ in range(120):
        try:
            if request(f"http://127.0.0.1:{port}", "/health", timeout=2)[0] == 200:
                return process
        except OSError:
            pass
        time.sleep(0.5)
    process.terminate()
    raise SystemExit("the API did not start")


def health_p50(base: str, count: int) -> tuple[float, float]:
    times = sorted(request(base, "/health")[1] * 1000 for _ in range(count))
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def under_load(base: str, slow: int) -> None:
    with ThreadPoolExecutor(max_workers=slow) as pool:
        futures = [pool.submit(request, base, "/cypher", {"query": SLOW}) for _ in range(slow)]
        time.sleep(0.5)
        p50, p95 = health_p50(base, 30)
        answers = [future.result() for future in futures]
    codes: dict[str, int] = {}
    for status, _, content in answers:
        label = f"{status} {code_of(content)}"
        codes[label] = codes.get(label, 0) + 1
    print(f"  /health with {slow} slow queries in parallel: p50 {p50:.1f} ms, p95 {p95:.1f} ms; the slow queries: "
          + ", ".join(f"{n} x {label}" for label, n in sorted(codes.items())))


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=18050)
    parser.add_argument("--slow", type=int, default=12)
    args = parser.parse_args()
    base = f"http://127.0.0.1:{args.port}"
    process = serve(args.port)
    try:
        for name, query in QUERIES.items():
            status, seconds, content = request(base, "/cypher", {"query": query})
            alive = request(base, "/health")[0]
            print(f"  {name}: {status} {code_of(content)} after {seconds:.2f}s ({len(content):,} bytes); "
                  f"/health then {alive}")
        p50, p95 = health_p50(base, 50)
        print(f"  /health idle: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
        under_load(base, args.slow)
        from graph.readonly import WriteRefused, check

        text = "RETURN '" + "\\'" * 10_000
        started = time.perf_counter()
        try:
            check(text)
        except WriteRefused:
            pass
        print(f"  text check of {len(text):,} characters of quotes and backslashes: "
              f"{(time.perf_counter() - started) * 1000:.1f} ms")
        before = rss_mb(process.pid)
        for i in range(1500):
            request(base, f"/themes?junk{i}={'x' * 200}")
        print(f"  1,500 requests with junk parameters: API memory {before:.0f} MB -> {rss_mb(process.pid):.0f} MB")
    finally:
        process.terminate()
        process.wait(timeout=30)


if __name__ == "__main__":
    main()
