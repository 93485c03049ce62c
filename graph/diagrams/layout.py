"""Positions computed once for a set of nodes and every line between them at any date, so that pictures of the same
set at two dates (a diagram, the explorer's date slider) put each body in the same place: lay out the union, then
filter what is drawn."""
from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from graph.diagrams.style import wrap

POINTS_PER_INCH = 72.0


class LayoutError(RuntimeError):
    """Graphviz is missing or failed to lay the graph out."""


@dataclass(frozen=True)
class Box:
    x: float  # centre, in points, origin top left
    y: float
    width: float
    height: float


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def layout_source(nodes: Sequence[tuple[str, str]], edges: Iterable[tuple[str, str]], rankdir: str = "BT",
                  wrap_width: int = 22) -> str:
    """DOT for `nodes` (id, name) and `edges` (source, target), with names wrapped as they will be drawn."""
    index = {node_id: f"n{i}" for i, (node_id, _) in enumerate(nodes)}
    lines = [f"digraph layout {{ rankdir={rankdir}; nodesep=0.25; ranksep=0.55; "
             'node [shape=box, fontname="DejaVu Sans", fontsize=11, margin="0.12,0.06"];']
    for node_id, name in nodes:
        lines.append(f"{index[node_id]} [label={_quote(chr(10).join(wrap(name, wrap_width)))}];")
    for source, target in sorted(set(edges)):
        if source in index and target in index and source != target:
            lines.append(f"{index[source]} -> {index[target]};")
    lines.append("}")
    return "\n".join(lines)


def parse_plain(plain: str, ids: Sequence[str]) -> dict[str, Box]:
    """Graphviz's `plain` output: node centres in inches from the bottom left, turned into points from the top left."""
    boxes: dict[str, Box] = {}
    height = 0.0
    for line in plain.splitlines():
        parts = line.split(maxsplit=6)  # node names are n0, n1 ...: the label (free text) comes after field 6
        if parts and parts[0] == "graph":
            height = float(parts[3])
        elif parts and parts[0] == "node":
            number = int(parts[1].removeprefix("n"))
            x, y, w, h = (float(v) for v in parts[2:6])
            boxes[ids[number]] = Box(round(x * POINTS_PER_INCH, 1), round((height - y) * POINTS_PER_INCH, 1),
                                     round(w * POINTS_PER_INCH, 1), round(h * POINTS_PER_INCH, 1))
    return boxes


def positions(nodes: Sequence[tuple[str, str]], edges: Iterable[tuple[str, str]], rankdir: str = "BT",
              timeout_s: float = 30.0) -> dict[str, Box]:
    """Each node's box in the layout of the whole set (Graphviz `dot`); the same set gives the same places, in
    whatever order it is given."""
    if not nodes:
        return {}
    nodes = sorted(nodes)
    dot = shutil.which("dot")
    if dot is None:
        raise LayoutError("Graphviz's `dot` is not installed: run `make setup` (Debian's graphviz).")
    source = layout_source(nodes, edges, rankdir)
    done = subprocess.run([dot, "-Tplain"], input=source, capture_output=True, text=True, timeout=timeout_s, check=False)
    if done.returncode != 0:
        raise LayoutError(f"Graphviz could not lay out {len(nodes)} nodes: {done.stderr.strip()[:300]}")
    return parse_plain(done.stdout, [node_id for node_id, _ in nodes])
