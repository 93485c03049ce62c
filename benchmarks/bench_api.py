"""Benchmark the read endpoints against a bare FastAPI endpoint returning the same size of JSON, in the same server.

    .venv/bin/python benchmarks/bench_api.py [--seconds 5] [--connections 32]

Starts a Neo4j (`landscape db start`) in a temporary folder on free ports, loads the seeds, serves the app with
uvicorn (uvloop, httptools) on loopback, and
drives each endpoint for a bounded time with wrk (Debian's package, when installed) or a Python keep-alive load
generator. Two baselines are served by the same process: `dict`, a bare async route returning a Python object of the same
JSON size (FastAPI serialises it per request), and `bytes`, a bare async route returning ready bytes (the fastest a FastAPI
route can be). Prints req/s and p50/p99 latency, and each endpoint's ratio to both baselines.
Targets (issue 3): read endpoints >= 0.5 x baseline; chain p99 <= 50 ms at 32 connections.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
ENDPOINTS = {
    "search": "/bodies?q=partnership",
    "body": "/bodies/strategic-partnership-board",
    "chain": "/bodies/criminal-justice-strategic-commissioning-group/chain",
    "funding": "/funding?period=2012-13",
}


def bench_app() -> Any:
    """The real app plus the two baseline routes (used as a uvicorn factory by this script)."""
    import json

    from fastapi import Response

    from api.app import create_app

    app = create_app()
    payloads: dict[int, tuple[dict[str, Any], bytes]] = {}

    def payload(size: int) -> tuple[dict[str, Any], bytes]:
        if size not in payloads:
            value = {"items": [{"id": i, "name": "x" * 40} for i in range(max(1, size // 60))]}
            payloads[size] = (value, json.dumps(value, separators=(",", ":")).encode())
        return payloads[size]

    @app.get("/_baseline/dict", include_in_schema=False)
    async def baseline_dict(size: int) -> dict[str, Any]:
        return payload(size)[0]

    @app.get("/_baseline/bytes", include_in_schema=False)
    async def baseline_bytes(size: int) -> Response:
        return Response(content=payload(size)[1], media_type="application/json")

    return app


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(base: str, timeout_s: float = 120) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit("the server did not become healthy")


def run_wrk(url: str, seconds: float, connections: int) -> dict[str, float]:
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds:g}s", "--latency", url],
                         capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]

    def pct(p: str) -> float:
        value, unit = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()  # type: ignore[union-attr]
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": rps, "p50": pct("50"), "p99": pct("99"), "errors": float(errors.group(1)) if errors else 0.0}


async def _python_load(host: str, port: int, path: str, seconds: float, connections: int) -> dict[str, float]:
    request = f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: keep-alive\r\n\r\n".encode()
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds

    async def one() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection(host, port)
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = int(re.search(rb"content-length: (\d+)", head, re.I).group(1))  # type: ignore[union-attr]
            await reader.readexactly(length)
            latencies.append((time.perf_counter() - started) * 1000)
            errors += status >= 300
        writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(one() for _ in range(connections)))
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {"rps": len(latencies) / elapsed, "p50": statistics.median(latencies),
            "p99": latencies[int(len(latencies) * 0.99) - 1], "errors": float(errors)}


def measure(base: str, path: str, seconds: float, connections: int) -> dict[str, float]:
    """One warm-up second (JIT, caches, connection pools), then the measured run."""
    if shutil.which("wrk"):
        run_wrk(base + path, 1, connections)
        return run_wrk(base + path, seconds, connections)
    host, port = base.removeprefix("http://").split(":")
    asyncio.run(_python_load(host, int(port), path, 1, connections))
    return asyncio.run(_python_load(host, int(port), path, seconds, connections))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="load time per endpoint and baseline")
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="bench-api-") as data:
        env = {**os.environ, "LANDSCAPE_DATA_DIR": data, "LANDSCAPE_NEO4J_BOLT_PORT": str(free_port()),
               "LANDSCAPE_NEO4J_HTTP_PORT": str(free_port())}
        env.pop("NEO4J_URI", None)
        subprocess.run([python, "-m", "cli.main", "db", "start"], cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL)
        subprocess.run([python, "-m", "cli.main", "load", "--reset", "--quiet"], cwd=REPO, env=env, check=True,
                       stdout=subprocess.DEVNULL)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [python, "-m", "uvicorn", "--factory", "benchmarks.bench_api:bench_app", "--host", "127.0.0.1", "--port",
             str(port), "--loop", "uvloop", "--http", "httptools", "--log-level", "warning", "--no-access-log"],
            cwd=REPO, env={**env, "PYTHONPATH": str(REPO)}, stderr=subprocess.DEVNULL)
        try:
            wait_healthy(base)
            tool = "wrk" if shutil.which("wrk") else "python load generator"
            print(f"load: {tool}, {args.connections} connections, {args.seconds:g}s per run, one uvicorn worker "
                  f"(uvloop, httptools) on loopback; engine: Neo4j (local server)")
            print(f"{'endpoint':<10}{'bytes':>8}{'first ms':>10}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}"
                  f"{'dict req/s':>12}{'p99':>7}{'bytes req/s':>13}{'p99':>7}{'x dict':>8}{'x bytes':>9}")
            verdicts = []
            for name, path in ENDPOINTS.items():
                started = time.perf_counter()
                with urllib.request.urlopen(base + path) as response:
                    size = len(response.read())
                first_ms = (time.perf_counter() - started) * 1000  # the uncached answer: queries run
                ours = measure(base, path, args.seconds, args.connections)
                as_dict = measure(base, f"/_baseline/dict?size={size}", args.seconds, args.connections)
                as_bytes = measure(base, f"/_baseline/bytes?size={size}", args.seconds, args.connections)
                ratio_dict, ratio_bytes = ours["rps"] / as_dict["rps"], ours["rps"] / as_bytes["rps"]
                print(f"{name:<10}{size:>8}{first_ms:>10.1f}{ours['rps']:>10.0f}{ours['p50']:>9.2f}{ours['p99']:>9.2f}"
                      f"{as_dict['rps']:>12.0f}{as_dict['p99']:>7.1f}{as_bytes['rps']:>13.0f}{as_bytes['p99']:>7.1f}"
                      f"{ratio_dict:>8.2f}{ratio_bytes:>9.2f}")
                if ours["errors"]:
                    print(f"  {name}: {ours['errors']:.0f} non-2xx answers")
                verdicts.append(f"{name} {ratio_bytes:.2f}x bytes baseline "
                                f"({'meets' if ratio_bytes >= 0.5 else 'MISSES'} >= 0.5)")
                if name == "chain":
                    verdicts.append(f"chain p99 {ours['p99']:.1f} ms ({'meets' if ours['p99'] <= 50 else 'MISSES'} "
                                    f"<= 50 ms at {args.connections} connections)")
            print("targets: " + "; ".join(verdicts))
        finally:
            server.terminate()
            server.wait(timeout=30)
            subprocess.run([python, "-m", "cli.main", "db", "stop"], cwd=REPO, env=env, stdout=subprocess.DEVNULL)
    return 0


if __name__ == "__main__":
    sys.exit(main())
