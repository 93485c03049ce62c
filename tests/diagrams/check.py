"""Parsers the diagram tests share: Graphviz itself for DOT, a strict reader of the Mermaid flowchart subset the
renderer writes, and the node boxes of an SVG (id, text, position)."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

import graphviz

SVG = "{http://www.w3.org/2000/svg}"
ID = r"[A-Za-z_][A-Za-z0-9_]*"
LABEL = r'"[^"]*"'
SHAPES = [rf"\({LABEL}\)", rf"\[{LABEL}\]", rf"\(\[{LABEL}\]\)", rf"\[\({LABEL}\)\]"]
NODE = re.compile(rf"^(?P<id>{ID})(?:{'|'.join(SHAPES)})$")
EDGE = re.compile(rf"^(?P<a>{ID}) (?P<arrow>-->|-\.->|==>)(?:\|(?P<text>[^|\"]*)\|)? (?P<b>{ID})$")
SUBGRAPH = re.compile(rf"^subgraph (?P<id>{ID})\[{LABEL}\]$")
LINK_STYLE = re.compile(r"^linkStyle (?P<index>\d+) [a-z-]+:[^,;]+(?:,[a-z-]+:[^,;]+)*$")
CLASS_DEF = re.compile(rf"^classDef (?P<name>{ID}) [a-z-]+:[^,;]+(?:,[a-z-]+:[^,;]+)*$")
CLASS = re.compile(rf"^class (?P<id>{ID}) (?P<names>{ID}(?:,{ID})*)$")
KEYWORDS = {"end", "graph", "subgraph", "flowchart", "class", "classDef", "linkStyle", "style", "click"}


class MermaidError(ValueError):
    pass


@dataclass
class Flowchart:
    title: str
    direction: str
    nodes: set[str] = field(default_factory=set)
    edges: list[tuple[str, str, str, str]] = field(default_factory=list)
    subgraphs: list[str] = field(default_factory=list)


def parse_mermaid(text: str) -> Flowchart:
    """Every line must be one of the forms Mermaid's flowchart grammar accepts (in the subset written here); ids
    are declared before use, subgraphs close, linkStyle indexes name real links, classes are defined."""
    lines = text.splitlines()
    if lines[:1] != ["---"] or not lines[1].startswith("title: ") or lines[2] != "---":
        raise MermaidError("no front-matter title")
    header = re.fullmatch(r"flowchart (TB|BT|LR|RL)", lines[3])
    if header is None:
        raise MermaidError(f"bad header {lines[3]!r}")
    chart = Flowchart(title=lines[1][7:].strip('"'), direction=header.group(1))
    depth = 0
    class_defs: set[str] = set()
    classes: list[tuple[str, list[str]]] = []
    styled: list[int] = []
    for number, raw in enumerate(lines[4:], start=5):
        line = raw.strip()
        if not line or line.startswith("%%"):
            continue
        if (m := SUBGRAPH.match(line)) is not None:
            depth += 1
            chart.subgraphs.append(m.group("id"))
        elif line == "end":
            depth -= 1
            if depth < 0:
                raise MermaidError(f"line {number}: 'end' without subgraph")
        elif (m := NODE.match(line)) is not None:
            if m.group("id") in KEYWORDS:
                raise MermaidError(f"line {number}: keyword as id")
            chart.nodes.add(m.group("id"))
        elif (m := EDGE.match(line)) is not None:
            for end in (m.group("a"), m.group("b")):
                if end not in chart.nodes:
                    raise MermaidError(f"line {number}: link to undeclared node {end}")
            chart.edges.append((m.group("a"), m.group("b"), m.group("arrow"), m.group("text") or ""))
        elif (m := LINK_STYLE.match(line)) is not None:
            styled.append(int(m.group("index")))
        elif (m := CLASS_DEF.match(line)) is not None:
            class_defs.add(m.group("name"))
        elif (m := CLASS.match(line)) is not None:
            classes.append((m.group("id"), m.group("names").split(",")))
        else:
            raise MermaidError(f"line {number}: not Mermaid flowchart syntax: {line!r}")
    if depth != 0:
        raise MermaidError("a subgraph is not closed")
    if any(i >= len(chart.edges) for i in styled):
        raise MermaidError("linkStyle names a link that does not exist")
    for node, names in classes:
        if node not in chart.nodes or not set(names) <= class_defs:
            raise MermaidError(f"class statement for {node} names an unknown node or class")
    return chart


def parse_dot(source: str) -> str:
    """Graphviz reads the DOT and writes it back canonically (raises on a syntax error)."""
    canonical: str = graphviz.Source(source).pipe(format="canon", encoding="utf-8")
    return canonical


@dataclass
class Box:
    id: str
    text: str
    y: float


def svg_nodes(svg: bytes | str) -> dict[str, Box]:
    """Each drawn node of a Graphviz SVG: its id (the <title>), its words joined, and the y of its first line."""
    root = ET.fromstring(svg)
    boxes = {}
    for group in root.iter(f"{SVG}g"):
        if group.get("class") != "node":
            continue
        title = group.find(f"{SVG}title")
        texts = list(group.iter(f"{SVG}text"))
        if title is None or title.text is None or not texts:
            continue
        words = " ".join(t.text or "" for t in texts)
        boxes[title.text] = Box(title.text, " ".join(words.split()), float(texts[0].get("y", "0")))
    return boxes
