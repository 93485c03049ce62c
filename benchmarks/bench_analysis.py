"""Analysis benchmark: synthetic landscapes (networkx only, no database) of 10k and 100k nodes; prints the time of
each rule, the full analysis, and a cached, filtered request. Target: full analysis of 100k nodes <= 15 s. Asserts nothing.

    .venv/bin/python benchmarks/bench_analysis.py [--nodes 10000 100000]
"""
from __future__ import annotations

import argparse
import json
import time

from graph.analysis import analyse, cached_analysis
from graph.analysis.synthetic import synthetic_landscape


def bench(n_nodes: int) -> None:
    started = time.perf_counter()
    graph = synthetic_landscape(n_nodes)
    built = time.perf_counter() - started
    print(f"\n== {graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} relationships "
          f"(synthetic landscape built in {built:.2f}s)")
    started = time.perf_counter()
    analysis = analyse(graph)
    total = time.perf_counter() - started
    counts = {c: len(found) for c, found in analysis.findings.items()}
    for rule, seconds in analysis.timings.items():
        print(f"  {rule:<40}{seconds:>8.3f}s")
    print(f"  {'full analysis':<40}{total:>8.3f}s   findings: {counts}")
    cached_analysis(graph)  # the first request pays for the analysis once per load
    started = time.perf_counter()
    for _ in range(10):
        found = cached_analysis(graph).select("gaps", theme="domestic-abuse", severity="medium")
        body = json.dumps([f.model_dump() for f in found[:200]])
    per_request = (time.perf_counter() - started) / 10
    print(f"  {'cached filtered request (200 findings)':<40}{per_request:>8.3f}s   ({len(body):,} bytes of JSON)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nodes", type=int, nargs="+", default=[10_000, 100_000])
    for n_nodes in parser.parse_args().nodes:
        bench(n_nodes)


if __name__ == "__main__":
    main()
