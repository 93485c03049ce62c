"""Load benchmark: the seeds (extract + write) and a synthetic landscape of N nodes, in nodes/s and
relationships/s, against the embedded engine in a throw-away folder. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_load.py [--nodes 100000]
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from graph.engine import open_engine
from graph.model import Evidence, Facts, Node, Relationship
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


def timed_load(facts: Facts, settings: Settings) -> tuple[float, dict]:
    with open_engine(settings) as engine:
        started = time.perf_counter()
        write_facts(engine, facts, reset=True)
        elapsed = time.perf_counter() - started
        return elapsed, graph_stats(engine)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--nodes", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(data_dir=Path(folder))
        started = time.perf_counter()
        seeds = load_directory(REPO / "seeds")
        extract_s = time.perf_counter() - started
        with open_engine(settings) as engine:
            write_facts(engine, Facts(), reset=True)  # warm the engine and schema
            started = time.perf_counter()
            write_facts(engine, seeds, reset=True)
            seed_s = time.perf_counter() - started
            big = synthetic(args.nodes)
            started = time.perf_counter()
            write_facts(engine, big, reset=True)
            big_s = time.perf_counter() - started
            stats = graph_stats(engine)
    n_seed, r_seed = len(seeds.nodes), len(seeds.relationships)
    n_big, r_big = len(big.nodes), len(big.relationships)
    print(f"seeds: extract {extract_s:.2f}s; write {n_seed} nodes + {r_seed} relationships in {seed_s:.2f}s "
          f"({n_seed / seed_s:,.0f} nodes/s, {r_seed / seed_s:,.0f} relationships/s)")
    print(f"synthetic: write {n_big} nodes + {r_big} relationships in {big_s:.2f}s "
          f"({n_big / big_s:,.0f} nodes/s, {r_big / big_s:,.0f} relationships/s); "
          f"stored {sum(stats['labels'].values())} nodes")
    print(f"ratio: synthetic nodes/s over seed nodes/s = {(n_big / big_s) / (n_seed / seed_s):.2f}")


if __name__ == "__main__":
    main()
