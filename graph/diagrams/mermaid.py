"""A `Diagram` as Mermaid flowchart text, for Markdown: the same nodes, clusters (subgraphs), colours and line styles."""
from __future__ import annotations

import re

from graph.diagrams.build import as_of_text
from graph.diagrams.model import Diagram, DiagramEdge, DiagramNode
from graph.diagrams.style import (
    DISSOLVED_FILL,
    FAMILIES,
    FINDING_COLOURS,
    RELATIONS,
    STALE_COLOUR,
    STATE_LEGEND,
    family,
    wrap,
)

# Mermaid arrows: solid, dotted (for every intention: Mermaid has no third style) and thick (mergers).
ARROWS = {"current": "-->", "stale": "-->", "planned": "-.->", "proposed": "-.->"}
DASHES = {"planned": "6 4", "proposed": "2 3"}


def _id(node_id: str) -> str:
    """Mermaid ids: letters, digits and underscores, never a keyword (end, graph, subgraph ...)."""
    return "n_" + re.sub(r"[^A-Za-z0-9]", "_", node_id)


def _text(text: str) -> str:
    """Text inside "...": quotes and markup as entities so nothing in a name can end the label."""
    return (text.replace("&", "&amp;").replace('"', "#quot;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("|", "#124;"))


def _label(node: DiagramNode) -> str:
    lines = [f"<b>{_text(line)}</b>" for line in wrap(node.name, 26)]
    small = []
    if node.category == "body":
        small.append(node.kind if node.status in ("current", "") else f"{node.kind} · {node.status}")
    small.extend(node.notes)
    lines += [f"<small>{_text(line)}</small>" for line in small]
    if node.marks:
        lines.append(f"<b>{_text(' '.join(node.marks))}</b>")
    return "<br/>".join(lines)


def _shape(node: DiagramNode, label: str) -> str:
    shape = FAMILIES[family(node.category, node.kind)].shape
    if shape == "ellipse":
        return f'(["{label}"])'
    if shape == "cylinder":
        return f'[("{label}")]'
    if FAMILIES[family(node.category, node.kind)].rounded:
        return f'("{label}")'
    return f'["{label}"]'


def _edge_text(edge: DiagramEdge) -> str:
    label = edge.label or ""
    if edge.marks:
        label = (label + " " if label else "") + " ".join(f"[{m}]" for m in edge.marks)
    return " / ".join(_text(x) for x in label.split("\n")) if label else ""


def to_mermaid(diagram: Diagram) -> str:
    """Mermaid `flowchart` text: front-matter title, subgraphs for areas, classDefs for kinds, linkStyles for lines."""
    direction = {"BT": "BT", "LR": "LR", "TB": "TB", "RL": "RL"}.get(diagram.rankdir, "BT")
    subtitle = as_of_text(diagram.as_of)
    if diagram.depth is not None:
        subtitle += f", depth {diagram.depth}" + (f" (capped at {diagram.depth}; asked for {diagram.depth_requested})"
                                                  if diagram.depth_capped else "")
    title = f"{diagram.title} ({subtitle})".replace('"', "'")
    out = ["---", f'title: "{title}"', "---", f"flowchart {direction}"]
    for note in diagram.notes:
        out.append(f"    %% {note}")
    for source in diagram.sources:
        out.append(f"    %% source: {source}")
    members, children = diagram.cluster_layout()

    def emit(cluster: str | None, indent: str) -> None:
        for node in members.get(cluster, []):
            out.append(f"{indent}{_id(node.id)}{_shape(node, _label(node))}")
        for child in sorted(children.get(cluster, []), key=lambda c: diagram.clusters[c].title):
            out.append(f'{indent}subgraph {_id(child)}["{_text(diagram.clusters[child].title)}"]')
            emit(child, indent + "    ")
            out.append(f"{indent}end")

    emit(None, "    ")
    link_styles = []
    for index, edge in enumerate(diagram.edges):
        text = _edge_text(edge)
        arrow = "==>" if edge.relation in ("MERGED_INTO", "SUCCEEDED_BY") and edge.state in ("current", "stale") \
            else ARROWS[edge.state]
        source, target = _id(edge.source), _id(edge.target)
        out.append(f"    {source} {arrow}|{text}| {target}" if text else f"    {source} {arrow} {target}")
        line = RELATIONS.get(edge.relation, RELATIONS["REPORTS_TO"])
        colour = FINDING_COLOURS["gaps"] if edge.marks else STALE_COLOUR if edge.state == "stale" else line.colour
        style = f"stroke:{colour},stroke-width:{max(1.5, line.penwidth):.1f}px"
        if edge.state in DASHES:
            style += f",stroke-dasharray:{DASHES[edge.state]}"
        link_styles.append(f"    linkStyle {index} {style}")
    out.extend(link_styles)
    used = {family(n.category, n.kind) for n in diagram.nodes.values()}
    for name in sorted(used):
        kind = FAMILIES[name]
        out.append(f"    classDef {name} fill:{kind.fill},stroke:{kind.border},color:#000000")
    out.append(f"    classDef ended fill:{DISSOLVED_FILL},stroke:#7f7f7f,color:#7f7f7f,stroke-dasharray:4 3")
    out.append("    classDef intended stroke-dasharray:4 3")
    out.append("    classDef focus stroke-width:4px")
    out.append(f"    classDef duplication stroke:{FINDING_COLOURS['duplication']},stroke-width:3px")
    out.append(f"    classDef gaps stroke:{FINDING_COLOURS['gaps']},stroke-width:3px")
    for node in diagram.nodes.values():
        classes = [family(node.category, node.kind)]
        if node.dissolved:
            classes.append("ended")
        elif node.status in ("proposed", "planned"):
            classes.append("intended")
        if node.marks:
            classes.append("gaps" if any(m.startswith("G") for m in node.marks) else "duplication")
        if node.focus:
            classes.append("focus")
        out.append(f"    class {_id(node.id)} {','.join(classes)}")
    out.extend(_legend(diagram))
    return "\n".join(out) + "\n"


def _legend(diagram: Diagram) -> list[str]:
    """The legend as comments: Mermaid has no legend, and extra nodes would join the layout."""
    lines = ["    %% legend: colours"]
    for name in dict.fromkeys(family(n.category, n.kind) for n in diagram.nodes.values()):
        lines.append(f"    %%   {FAMILIES[name].legend}: {FAMILIES[name].fill}")
    lines.append("    %% legend: lines")
    for relation in diagram.relations():
        if relation in RELATIONS:
            lines.append(f"    %%   {RELATIONS[relation].legend}: {RELATIONS[relation].colour}")
    for state in dict.fromkeys(e.state for e in diagram.edges):
        lines.append(f"    %%   {STATE_LEGEND[state]}: {'dashed' if state in DASHES else 'solid'}")
    for note in diagram.findings:
        lines.append(f"    %% {note.mark} ({note.severity}, {note.rule}): {note.text}")
    return lines
