"""Explorer page load times on the seeds: each page's first (uncached) answer and its warm answers over HTTP, and the
page loaded in Debian's Chromium (navigation start to the load event: HTML, the script bundle and its first
drawing). Target: under 1 s. A benchmark that prints figures, never a timed test.

    .venv/bin/python benchmarks/bench_explorer.py               # its own Neo4j in a temporary folder, seeds loaded
    .venv/bin/python benchmarks/bench_explorer.py --url http://127.0.0.1:8000   # an API already serving
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
PAGES = {
    "search": "/?q=CSPB",
    "search, all": "/",
    "body": "/explore/bodies/community-safety-programme-board",
    "document": "/explore/documents/004_808a09639abe0ae2?start=5112&end=5302",
    "graph": "/explore/graph?focus=strategic-partnership-board&scope=neighbourhood",
    "graph, area": "/explore/graph?focus=area-leicestershire&scope=area",
    "findings": "/explore/findings",
    "cypher": "/explore/cypher",
    "docs": "/docs",
}
TARGET_S = 1.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch_s(url: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as response:
        response.read()
    return time.perf_counter() - started


def browser_loads(base: str, repeats: int) -> dict[str, float]:
    """Median navigation-to-load time of each page in headless Chromium (caches warm after the first load)."""
    if not Path(CHROMIUM).exists():
        return {}
    from playwright.sync_api import sync_playwright

    out = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        for name, path in PAGES.items():
            times = []
            for _ in range(repeats):
                page.goto(base + path, wait_until="load")
                times.append(page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd") / 1000)
            out[name] = statistics.median(times)
        browser.close()
    return out


def report(base: str, repeats: int) -> None:
    first = {name: fetch_s(base + path) for name, path in PAGES.items()}
    warm = {name: statistics.median(fetch_s(base + path) for _ in range(repeats)) for name, path in PAGES.items()}
    loads = browser_loads(base, repeats)
    print(f"{'page':<14}{'first s':>9}{'warm s':>9}{'browser s':>11}  target < {TARGET_S:g} s")
    for name in PAGES:
        shown = f"{loads[name]:>11.3f}" if name in loads else f"{'-':>11}"
        worst = max(first[name], loads.get(name, 0.0))
        verdict = "meets" if worst < TARGET_S else "MISSES"
        print(f"{name:<14}{first[name]:>9.3f}{warm[name]:>9.3f}{shown}  {verdict}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="an API already serving the seeds (default: start Neo4j and the API here)")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    if args.url:
        report(args.url.rstrip("/"), args.repeats)
        return 0
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="bench-explorer-") as data:
        env = {**os.environ, "LANDSCAPE_DATA_DIR": data, "LANDSCAPE_NEO4J_BOLT_PORT": str(free_port()),
               "LANDSCAPE_NEO4J_HTTP_PORT": str(free_port())}
        env.pop("NEO4J_URI", None)
        subprocess.run([python, "-m", "cli.main", "db", "start"], cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL)
        port = free_port()
        server = None
        try:
            subprocess.run([python, "-m", "cli.main", "load", "--reset", "--quiet"], cwd=REPO, env=env, check=True,
                           stdout=subprocess.DEVNULL)
            server = subprocess.Popen([python, "-m", "cli.main", "serve", "--port", str(port)], cwd=REPO, env=env,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 120
            while True:
                try:
                    fetch_s(base + "/health")
                    break
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise SystemExit("the API did not start") from None
                    time.sleep(0.5)
            report(base, args.repeats)
        finally:
            if server is not None:
                server.terminate()
                server.wait(timeout=30)
            subprocess.run([python, "-m", "cli.main", "db", "stop"], cwd=REPO, env=env, stdout=subprocess.DEVNULL)
    return 0


if __name__ == "__main__":
    sys.exit(main())
