"""Run the whole extraction over a small made-up text and list its lines by name (for rule tests)."""
from __future__ import annotations

from pathlib import Path

from graph.model import Facts
from loaders.pipeline import load_directory


def extract(text: str, tmp_path: Path) -> Facts:
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    return load_directory(tmp_path)


def lines(facts: Facts, rel_type: str) -> set[tuple[str, str]]:
    return {(facts.nodes[r.start].name, facts.nodes[r.end].name) for r in facts.relationships.values()
            if r.type == rel_type}
