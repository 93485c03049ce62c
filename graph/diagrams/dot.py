"""A `Diagram` as Graphviz DOT (through the `graphviz` package), rendered to SVG or PNG by the `dot` binary."""
from __future__ import annotations

import html
import shutil
import textwrap

import graphviz
import networkx as nx

from graph.diagrams.build import NO_AREA, as_of_text
from graph.diagrams.model import Diagram, DiagramEdge, DiagramNode
from graph.diagrams.style import (
    DISSOLVED_FILL,
    DISSOLVED_TEXT,
    FAMILIES,
    FINDING_COLOURS,
    FONT,
    RELATIONS,
    STALE_COLOUR,
    STATE_LEGEND,
    STATES,
    family,
    wrap,
)

GRAPHVIZ_FORMATS = ("svg", "png", "dot")
CLUSTER_FILLS = ("#f4f7fb", "#e9f0f7", "#dde7f1", "#d2dfec")
# A line sample per state, drawn in text: the legend is a table, so it never disturbs the layout.
ANCHOR = "_stack_"
SEP = "|"
SAMPLES = {"solid": "────▶", "dashed": "─ ─ ─▶", "dotted": "·······▶"}


class RenderError(RuntimeError):
    """Graphviz is missing or failed."""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _node_label(node: DiagramNode, width: int) -> str:
    name = "<br/>".join(_e(line) for line in wrap(node.name, width))
    parts = [f"<b>{name}</b>"]
    small = []
    if node.category == "body":
        kind = node.kind if node.status in ("current", "") else f"{node.kind} · {node.status}"
        small.append(kind)
    small.extend(node.notes)
    for line in small:
        for piece in wrap(line, width + 6, max_lines=3):
            parts.append(f'<font point-size="9" color="#444444">{_e(piece)}</font>')
    if node.marks:
        marks = " ".join(node.marks)
        parts.append(f'<font point-size="10" color="{FINDING_COLOURS["gaps"]}"><b>{_e(marks)}</b></font>')
    return "<" + "<br/>".join(parts) + ">"


def _node_attrs(node: DiagramNode, diagram: Diagram) -> dict[str, str]:
    style = FAMILIES[family(node.category, node.kind)]
    styles = ["filled"]
    if style.rounded:
        styles.append("rounded")
    if node.status in ("proposed", "planned") or node.dissolved:
        styles.append("dashed")
    attrs = {
        "shape": style.shape, "style": ",".join(styles), "fillcolor": style.fill, "color": style.border,
        "penwidth": "1.2", "fontname": FONT, "fontsize": "11", "margin": "0.12,0.06",
        "label": _node_label(node, 22 if diagram.kind in ("landscape", "area") else 26),
        "tooltip": f"{node.name} ({node.id})",
    }
    if node.dissolved:
        attrs.update(fillcolor=DISSOLVED_FILL, fontcolor=DISSOLVED_TEXT)
    if node.marks:
        category = "gaps" if any(m.startswith("G") for m in node.marks) else "duplication"
        attrs.update(color=FINDING_COLOURS[category], penwidth="3")
    if node.focus:
        attrs.update(penwidth="3.5", color="#000000" if not node.marks else attrs["color"])
    if node.link:
        attrs.update(URL=node.link, target="_top")
    if node.size is not None:
        attrs.update(width=f"{node.size[0]:.3f}", height=f"{node.size[1]:.3f}", fixedsize="true")
    if node.hidden:
        attrs["style"] = "invis"
    return attrs


def _edge_attrs(edge: DiagramEdge) -> dict[str, str]:
    line = RELATIONS.get(edge.relation, RELATIONS["REPORTS_TO"])
    colour = STALE_COLOUR if edge.state == "stale" else line.colour
    attrs = {"color": colour, "style": STATES[edge.state], "penwidth": str(line.penwidth),
             "arrowhead": line.arrowhead, "fontname": FONT, "fontsize": "9", "fontcolor": colour}
    label = edge.label or ""
    if edge.marks:
        attrs.update(color=FINDING_COLOURS["gaps"], penwidth="2.6")
        label = (label + " " if label else "") + " ".join(f"[{m}]" for m in edge.marks)
    if label:
        lines = [piece for part in label.split("\n") for piece in wrap(part, 30, max_lines=3)]
        attrs["label"] = "<" + "<br/>".join(_e(x) for x in lines) + ">"
    if edge.reverse:
        attrs.update(dir="back", arrowtail=line.arrowhead)
    if edge.state == "stale":
        attrs["penwidth"] = "2"
    if edge.hidden:
        attrs["style"] = "invis"
    if not edge.ranks:
        attrs["constraint"] = "false"
    return attrs


def _title_label(diagram: Diagram, legend: bool = False) -> str:
    rows = [f'<tr><td align="left"><font point-size="20"><b>{_e(diagram.title)}</b></font></td></tr>']
    sub = as_of_text(diagram.as_of).capitalize()
    if diagram.depth is not None:
        sub += f" · depth {diagram.depth}" + (f" (capped at {diagram.depth}; asked for {diagram.depth_requested})"
                                              if diagram.depth_capped else "")
    rows.append(f'<tr><td align="left"><font point-size="12">{_e(sub)}</font></td></tr>')
    for note in diagram.notes:
        for piece in textwrap.wrap(note, 100):  # a long note must not widen the page
            rows.append(f'<tr><td align="left"><font point-size="12" color="#990000">{_e(piece)}</font></td></tr>')
    if diagram.sources:
        rows.append('<tr><td align="left"><font point-size="10" color="#444444"><b>Documents used:</b></font></td></tr>')
        for source in diagram.sources:
            for i, piece in enumerate(textwrap.wrap(source, 110)):
                text = ("• " if i == 0 else "   ") + piece
                rows.append(f'<tr><td align="left"><font point-size="10" color="#444444">{_e(text)}</font></td></tr>')
    title = '<table border="0" cellspacing="0" cellpadding="1">' + "".join(rows) + "</table>"
    if not legend:
        return f"<{title}>"
    # Wide diagrams: the legend beside the title, above the drawing, where it takes no room from it.
    key = _legend_label(diagram)[1:-1]
    return (f'<<table border="0" cellspacing="0" cellpadding="0"><tr><td valign="top" align="left">{title}</td>'
            f'<td width="60"> </td><td valign="top" align="left" border="1" color="#bbbbbb" style="rounded">{key}</td>'
            "</tr></table>>")


def _legend_label(diagram: Diagram) -> str:
    families = list(dict.fromkeys(family(n.category, n.kind) for n in diagram.nodes.values()))
    rows = ['<tr><td colspan="2" align="left"><b>Legend</b></td></tr>']
    for name in families:
        style = FAMILIES[name]
        rows.append(f'<tr><td bgcolor="{style.fill}" width="28" border="1" color="{style.border}"> </td>'
                    f'<td align="left">{_e(style.legend)}</td></tr>')
    if any(n.dissolved for n in diagram.nodes.values()):
        rows.append(f'<tr><td bgcolor="{DISSOLVED_FILL}" border="1" style="dashed"> </td>'
                    f'<td align="left"><font color="{DISSOLVED_TEXT}">ended (merged, renamed, closed)</font></td></tr>')
    if any(n.status in ("proposed", "planned") for n in diagram.nodes.values()):
        rows.append('<tr><td border="1" style="dashed"> </td><td align="left">body proposed or planned</td></tr>')
    if any(n.focus for n in diagram.nodes.values()):
        rows.append('<tr><td border="3"> </td><td align="left">the body asked about</td></tr>')
    for relation in diagram.relations():
        line = RELATIONS.get(relation)
        if line is None:
            continue
        sample = "━━━━▶" if line.penwidth > 2 else SAMPLES["solid"]
        rows.append(f'<tr><td align="left"><font color="{line.colour}">{sample}</font></td>'
                    f'<td align="left">{_e(line.legend)}</td></tr>')
    for state in dict.fromkeys(e.state for e in diagram.edges):
        if state == "current":
            continue
        colour = STALE_COLOUR if state == "stale" else "#000000"
        sample = SAMPLES[STATES[state]]
        rows.append(f'<tr><td align="left"><font color="{colour}">{sample}</font></td>'
                    f'<td align="left">{_e(STATE_LEGEND[state])}</td></tr>')
    if diagram.findings:
        rows.append(f'<tr><td colspan="2" align="left"><br/><b>Findings</b> (<font color="{FINDING_COLOURS["duplication"]}">'
                    f'D: duplication</font>, <font color="{FINDING_COLOURS["gaps"]}">G: gap</font>)</td></tr>')
        for note in diagram.findings:
            colour = FINDING_COLOURS.get(note.category, "#000000")
            pieces = textwrap.wrap(f"{note.mark} ({note.severity}) {note.text}", 70)
            for i, piece in enumerate(pieces):
                text = piece if i == 0 else "      " + piece
                rows.append(f'<tr><td colspan="2" align="left"><font color="{colour}" point-size="9">{_e(text)}'
                            f'</font></td></tr>')
    return ('<<table border="0" cellborder="0" cellspacing="2" cellpadding="2">' + "".join(rows) + "</table>>")


def _cluster_depth(diagram: Diagram, cluster: str) -> int:
    depth, parent = 0, diagram.clusters[cluster].parent
    while parent is not None:
        depth, parent = depth + 1, diagram.clusters[parent].parent
    return depth


def _staggered(diagram: Diagram, per_rank: int = 3) -> dict[int, int]:
    """Many leaves under the same parents go on two or three ranks, not one long row (what Graphviz's unflatten -l
    does); a leaf is a node with nothing below it, its parents the nodes its lines go up to (one or more: groups
    that are one board's sub-groups and report to a partnership stagger together)."""
    below: set[str] = {edge.target for edge in diagram.edges}
    up: dict[str, list[int]] = {}
    for i, edge in enumerate(diagram.edges):
        if edge.source not in below:
            up.setdefault(edge.source, []).append(i)
    leaves: dict[frozenset[str], list[str]] = {}
    for source, edges in up.items():
        leaves.setdefault(frozenset(diagram.edges[i].target for i in edges), []).append(source)
    minlen: dict[int, int] = {}
    for sources in leaves.values():
        if len(sources) <= per_rank:
            continue
        levels = min(3, -(-len(sources) // per_rank))
        for position, source in enumerate(sorted(sources, key=lambda n: diagram.nodes[n].name)):
            for i in up[source]:
                minlen[i] = 1 + position % levels
    return minlen


def _stacks(diagram: Diagram, height: int = 3) -> list[tuple[str, str]]:
    """Invisible lines (lower, upper) that fold a wide, shallow landscape into bands: bodies with no line stack in
    columns of `height` in their cluster, clusters of only such bodies (districts) stack likewise, and the sibling
    clusters of an area are put one above another (wider ones lower), national bodies on top."""
    linked = {e.source for e in diagram.edges} | {e.target for e in diagram.edges}
    pairs: list[tuple[str, str]] = []
    direct: dict[str | None, list[str]] = {}
    for node in diagram.nodes.values():
        direct.setdefault(node.cluster if node.cluster in diagram.clusters else None, []).append(node.id)
    children: dict[str | None, list[str]] = {}
    for cluster in diagram.clusters.values():
        children.setdefault(cluster.parent, []).append(cluster.id)

    def inside(cluster: str) -> list[str]:
        found = list(direct.get(cluster, []))
        for child in children.get(cluster, []):
            found.extend(inside(child))
        return found

    for nodes in direct.values():
        alone = [n for n in nodes if n not in linked]
        pairs.extend((alone[i - 1], alone[i]) for i in range(1, len(alone)) if i % height)
    for parent, kids in children.items():
        # Clusters holding only unlinked bodies (one partnership per district): a column, not a row.
        lonely = [c for c in sorted(kids) if not children.get(c) and all(n not in linked for n in direct.get(c, []))]
        for i in range(1, len(lonely)):
            if i % height:
                pairs.append((direct[lonely[i - 1]][-1], direct[lonely[i]][0]))
        if parent is None:
            continue
        blocks = [(inside(c), c) for c in kids if c not in lonely]
        own = list(direct.get(parent, []))
        if own:
            blocks.append((own, parent))
        blocks.sort(key=lambda block: -len(block[0]))
        for (lower, _), (upper, home) in zip(blocks, blocks[1:], strict=False):
            pairs.extend(_above(diagram, lower, upper, home))
    roots = [c for c in children.get(None, []) if c != NO_AREA]
    if NO_AREA in diagram.clusters and roots:
        for root in roots:
            pairs.extend(_above(diagram, inside(root), inside(NO_AREA), NO_AREA))
    return pairs


def _above(diagram: Diagram, lower: list[str], upper: list[str], cluster: str | None) -> list[tuple[str, str]]:
    """Invisible lines that put every body of `upper` above every body of `lower`, through one invisible anchor
    (every body of `lower` -> anchor -> the bottom bodies of `upper`): cycles inside a block cannot defeat it."""
    low, up = set(lower), set(upper)
    if any(e.source in up and e.target in low for e in diagram.edges):
        return []  # a real line runs the other way: let it decide
    bottoms = [n for n in upper if not any(e.target == n and e.source in up for e in diagram.edges)] or upper
    # The tops of `lower`: the members of its highest strongly connected parts (a cycle has no single top). Lines
    # from these only: lines from every body would be routed round the clusters and widen the drawing.
    inner = nx.DiGraph()
    inner.add_nodes_from(lower)
    inner.add_edges_from((e.source, e.target) for e in diagram.edges if e.source in low and e.target in low)
    parts = nx.condensation(inner)
    tops = [n for part in parts if parts.out_degree(part) == 0 for n in parts.nodes[part]["members"]]
    lower = [n for n in lower if n in set(tops)]
    # The anchor lives in the upper block's cluster, so it does not widen the drawing beside it.
    anchor = f"{ANCHOR}{cluster or ''}{SEP}{upper[0]}"
    return [(n, anchor) for n in lower] + [(anchor, b) for b in bottoms]


def to_dot(diagram: Diagram) -> graphviz.Digraph:
    """The diagram as a graphviz.Digraph: nested clusters by area, a title and a legend."""
    dot = graphviz.Digraph(name=diagram.kind, engine="dot")
    wide = diagram.kind in ("landscape", "area")
    dot.attr(rankdir=diagram.rankdir, newrank="true", fontname=FONT, labelloc="t", labeljust="l",
             label=_title_label(diagram, legend=wide), nodesep="0.18" if wide else "0.3", ranksep="0.45" if wide else "0.55",
             pad="0.3", splines="spline", remincross="true", bgcolor="white")
    dot.attr("node", fontname=FONT)
    dot.attr("edge", fontname=FONT)
    members, children = diagram.cluster_layout()

    def fill(target: graphviz.Digraph, cluster: str | None, anchors: dict[str | None, list[str]]) -> None:
        for node in members.get(cluster, []):
            target.node(node.id, **_node_attrs(node, diagram))
        for anchor in anchors.get(cluster, []):
            target.node(anchor, label="", shape="point", style="invis", width="0", height="0")
        for child in sorted(children.get(cluster, []), key=lambda c: diagram.clusters[c].title):
            depth = _cluster_depth(diagram, child)
            with target.subgraph(name="cluster_" + child.removeprefix("cluster-")) as sub:
                sub.attr(label=f"<<b>{_e(diagram.clusters[child].title)}</b>>", style="rounded,filled",
                         fillcolor=CLUSTER_FILLS[min(depth, len(CLUSTER_FILLS) - 1)], color="#9fb4c8",
                         fontname=FONT, fontsize="13", labeljust="l", margin="10")
                fill(sub, child, anchors)

    pairs = _stacks(diagram) if wide else []
    anchors: dict[str | None, list[str]] = {}
    for anchor in dict.fromkeys(n for pair in pairs for n in pair if n.startswith(ANCHOR)):
        home = anchor[len(ANCHOR):].split(SEP, 1)[0] or None
        anchors.setdefault(home, []).append(anchor)
    fill(dot, None, anchors)
    minlen = _staggered(diagram)
    for i, edge in enumerate(diagram.edges):
        attrs = _edge_attrs(edge)
        if minlen.get(i, 1) > 1:
            attrs["minlen"] = str(minlen[i])
        dot.edge(edge.source, edge.target, **attrs)
    for lower, upper in pairs:
        dot.edge(lower, upper, style="invis", weight="0")
    if not wide:
        with dot.subgraph(name="cluster_legend") as legend:
            legend.attr(label="", style="rounded", color="#bbbbbb")
            legend.node("legend", label=_legend_label(diagram), shape="plain", fontname=FONT, fontsize="10")
    return dot


def dot_source(diagram: Diagram) -> str:
    return to_dot(diagram).source


def render(diagram: Diagram, fmt: str) -> bytes:
    """DOT text, or SVG/PNG from Graphviz's `dot` (RenderError when it is not installed)."""
    if fmt == "dot":
        return dot_source(diagram).encode()
    if fmt not in GRAPHVIZ_FORMATS:
        raise ValueError(f"format must be one of {', '.join(GRAPHVIZ_FORMATS)}, not {fmt!r}")
    if shutil.which("dot") is None:
        raise RenderError("Graphviz's `dot` is not installed (make setup installs it: apt-get install graphviz)")
    try:
        result: bytes = to_dot(diagram).pipe(format=fmt)
    except (graphviz.ExecutableNotFound, graphviz.CalledProcessError) as error:
        raise RenderError(f"Graphviz failed: {error}") from error
    return result
