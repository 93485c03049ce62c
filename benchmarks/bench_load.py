"""Load benchmark on Neo4j: the seeds (extract + write) and a synthetic landscape of N nodes, in nodes/s and
relationships/s, with the server's CPU seconds beside the wall clock (these machines are shared), and variants
(batch size, MERGE instead of CREATE). Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_load.py [--nodes 100000] [--variants]

Starts its own Neo4j (graph.server.lifecycle) in a temporary folder on free ports, with the default Settings' memory
(LANDSCAPE_NEO4J_* override it), and stops it at the end.
"""
from __future__ import annotations

import argparse
import os
import socket
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from graph.engine import Engine, open_engine
from graph.model import Evidence, Facts, Node, Relationship
from graph.server import lifecycle
from graph.settings import REPO, Settings
from graph.store import graph_stats, write_facts
from loaders.pipeline import load_directory


def synthetic(n_nodes: int) -> Facts:
    """A landscape-shaped graph: bodies in a reporting tree, priorities, themes; every item evidenced."""
    facts = Facts()
    ev = [Evidence(doc="synthetic", start=0, end=9, quote="synthetic", method="bench")]
    themes = [f"theme-{i}" for i in range(20)]
    for t in themes:
        facts.nodes[t] = Node(id=t, label="Theme", name=t, evidence=ev)
    bodies = n_nodes // 2
    for i in range(bodies):
        facts.nodes[f"b{i}"] = Node(id=f"b{i}", label="Body", name=f"Body {i}", aliases=[f"B{i}"],
                                    properties={"kind": "board", "status": "current"}, evidence=ev)
        if i:
            rel = Relationship(type="REPORTS_TO", start=f"b{i}", end=f"b{(i - 1) // 4}",
                               properties={"status": "current"}, evidence=ev)
            facts.relationships[rel.key] = rel
    for i in range(n_nodes - bodies - len(themes)):
        pid = f"p{i}"
        facts.nodes[pid] = Node(id=pid, label="Priority", name=f"Priority {i}", properties={"text": f"P {i}"},
                                evidence=ev)
        for rel in (Relationship(type="HAS_PRIORITY", start=f"b{i % bodies}", end=pid, evidence=ev),
                    Relationship(type="ABOUT", start=pid, end=themes[i % len(themes)], evidence=ev)):
            facts.relationships[rel.key] = rel
    return facts


class ServerCpu:
    """CPU seconds the local Neo4j process has used (None on a remote server)."""

    def __init__(self, pid: int | None) -> None:
        self.pid = pid

    def seconds(self) -> float | None:
        if self.pid is None:
            return None
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def empty(engine: Engine) -> None:
    """Delete everything in small transactions (outside the measured load)."""
    with engine.driver.session(database=engine.database) as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def measure(engine: Engine, cpu: ServerCpu, facts: Facts, label: str, **options: object) -> None:
    empty(engine)
    before_cpu, started = cpu.seconds(), time.perf_counter()
    write_facts(engine, facts, **options)  # type: ignore[arg-type]
    wall = time.perf_counter() - started
    after_cpu = cpu.seconds()
    n, r = len(facts.nodes), len(facts.relationships)
    stored = sum(graph_stats(engine)["labels"].values())
    server = "" if before_cpu is None or after_cpu is None else f"; Neo4j CPU {after_cpu - before_cpu:.1f}s"
    print(f"{label}: {n} nodes + {r} relationships in {wall:.2f}s ({n / wall:,.0f} nodes/s, {r / wall:,.0f} "
          f"relationships/s){server}; stored {stored} nodes", flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--variants", action="store_true", help="also batch 5000 and 10000, and MERGE")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-load-") as folder:
        settings = replace(Settings.from_env(), neo4j_uri=None, data_dir=Path(folder), neo4j_bolt_port=free_port(),
                           neo4j_http_port=free_port())
        started = time.perf_counter()
        state, _ = lifecycle.start(settings)
        print(f"Neo4j {state.version} started in {time.perf_counter() - started:.1f}s (heap {settings.neo4j_heap}, "
              f"page cache {settings.neo4j_pagecache}, transaction memory {settings.neo4j_tx_memory})", flush=True)
        try:
            run(settings, ServerCpu(state.pid), args.nodes, args.variants)
        finally:
            lifecycle.stop(settings)


def run(settings: Settings, cpu: ServerCpu, n_nodes: int, variants: bool) -> None:
    started = time.perf_counter()
    seeds = load_directory(REPO / "seeds")
    print(f"seeds: extract {time.perf_counter() - started:.2f}s", flush=True)
    big = synthetic(n_nodes)
    with open_engine(settings) as engine:
        write_facts(engine, Facts(), reset=True)  # schema and a warm connection
        measure(engine, cpu, seeds, "seeds, write, cold server (CREATE, batch 1000)", reset=True)
        measure(engine, cpu, big, "synthetic warm-up (JIT)", reset=True)
        measure(engine, cpu, seeds, "seeds, write, warm server", reset=True)
        measure(engine, cpu, big, "synthetic, CREATE, batch 1000", reset=True)
        if not variants:
            return
        for batch in (5_000, 10_000):
            measure(engine, cpu, big, f"synthetic, CREATE, batch {batch}", reset=True, batch=batch)
        measure(engine, cpu, big, "synthetic, MERGE, batch 1000", reset=False)


if __name__ == "__main__":
    main()
