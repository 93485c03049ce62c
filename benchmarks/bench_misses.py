"""The extraction benchmark's misses, to read for classes of construction: per relation, the labelled facts the
loaders did not find (with their quotes) and the predicted facts no label matched (with their evidence quotes).

    .venv/bin/python benchmarks/bench_misses.py [--types PART_OF,OVERSEES] [--set corpus|seeds|both] [--wrong-only]
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict

from graph.model import Facts
from graph.settings import REPO
from loaders.pipeline import load_directory

if str(REPO) not in sys.path:  # run as a script: the labels live in the tests package
    sys.path.insert(0, str(REPO))
from benchmarks.bench_extraction import _doc_id, predictions, score_document  # noqa: E402
from tests.corpus.labels import CORPUS, SEEDS, Labelled, corpus_files, read_labels, seed_label_files  # noqa: E402


def _one_line(text: str, width: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 3] + "..."


def report(facts: Facts, labels: list[Labelled], types: set[str] | None, wrong_only: bool) -> list[str]:
    by_doc = predictions(facts)
    quotes: dict[tuple[str, str, str, str], list[str]] = defaultdict(list)
    for rel in facts.relationships.values():
        for ev in rel.evidence:
            quotes[(ev.doc, rel.type, rel.start, rel.end)].append(f"[{ev.method}] {ev.quote}")
    missed: dict[str, list[str]] = defaultdict(list)
    wrong: dict[str, list[str]] = defaultdict(list)
    for lab in labels:
        doc = _doc_id(lab)
        scored = score_document(facts, lab, by_doc.get(doc, set()))
        for fact in scored.missed:
            if types is None or fact.type in types:
                missed[fact.type].append(f"  {doc}: {fact.start} -> {fact.end} [{fact.status}]\n"
                                         f"      \"{_one_line(fact.quote)}\"")
        for p in scored.wrong:
            if types is None or p.type in types:
                name = facts.nodes[p.start].name if p.start in facts.nodes else p.start
                end = facts.nodes[p.end].name if p.end in facts.nodes else p.end
                said = quotes.get((doc, p.type, p.start, p.end), [""])
                wrong[p.type].append(f"  {doc}: {name} -> {end}\n      \"{_one_line(said[0])}\"")
    out: list[str] = []
    for rel_type in sorted(set(missed) | set(wrong)):
        if not wrong_only:
            out.append(f"=== {rel_type}: missed {len(missed[rel_type])}")
            out.extend(missed[rel_type])
        out.append(f"=== {rel_type}: wrong {len(wrong[rel_type])}")
        out.extend(wrong[rel_type])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--types", help="comma-separated relation types (default: all)")
    parser.add_argument("--set", choices=["corpus", "seeds", "both"], default="both")
    parser.add_argument("--wrong-only", action="store_true", help="only the predictions no label matched")
    args = parser.parse_args(argv)
    types = set(args.types.split(",")) if args.types else None
    lines: list[str] = []
    if args.set in {"corpus", "both"}:
        lines.append("##### corpus")
        lines.extend(report(load_directory(CORPUS), [read_labels(p) for p in corpus_files()], types, args.wrong_only))
    if args.set in {"seeds", "both"}:
        lines.append("##### seeds")
        lines.extend(report(load_directory(SEEDS), [read_labels(p) for p in seed_label_files()], types,
                            args.wrong_only))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
