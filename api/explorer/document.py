"""The document view: a source document's full text with one quoted span highlighted and the other facts of its
paragraph marked. The text is read from the seeds folder and checked against the sha256 the graph stored."""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from api.explorer.html import esc, page

PARAGRAPH_BREAK = re.compile(r"\n[ \t\f\r]*\n")


@dataclass(frozen=True)
class Fact:
    """One fact's quote in a document: where, and what it says in words ("A REPORTS_TO B")."""

    start: int
    end: int
    label: str
    node: str | None
    name: str | None


class TextUnavailable(LookupError):
    """The document's text is not where the graph says (another seeds folder) or has changed since the load."""


def document_node(graph: nx.MultiDiGraph, doc: str) -> dict[str, Any] | None:
    for node_id in (f"doc-{doc}", doc):
        if node_id in graph and graph.nodes[node_id].get("label") == "Document":
            return dict(graph.nodes[node_id], id=node_id)
    return None


def document_text(seeds_dir: Path, node: dict[str, Any]) -> str:
    """The text the spans index: the file as loaded, refused when its sha256 differs from the one stored."""
    path = seeds_dir / str(node.get("file") or "")
    if not node.get("file") or not path.is_file():
        raise TextUnavailable(f"the text of {node['id']} is not in {seeds_dir} (was it loaded from another folder?)")
    text = path.read_bytes().decode("utf-8")
    if node.get("sha256") and hashlib.sha256(text.encode("utf-8")).hexdigest() != node["sha256"]:
        raise TextUnavailable(f"{path.name} has changed since it was loaded: load it again to see its quotes")
    return text


def facts_by_document(graph: nx.MultiDiGraph) -> dict[str, list[Fact]]:
    """Every quote of every node and relationship, by document; kept on the projection (one per load)."""
    cached: dict[str, list[Fact]] | None = graph.graph.get("explorer_facts_by_document")
    if cached is not None:
        return cached
    found: dict[str, list[Fact]] = defaultdict(list)
    for node_id, data in graph.nodes(data=True):
        label = f"{data.get('label')}: {data.get('name') or data.get('text') or node_id}"
        for item in data.get("evidence") or []:
            found[str(item["doc"])].append(Fact(int(item["start"]), int(item["end"]), label, node_id, data.get("name")))
    for start, end, data in graph.edges(data=True):
        label = f"{graph.nodes[start].get('name') or start} {data.get('type')} {graph.nodes[end].get('name') or end}"
        for item in data.get("evidence") or []:
            found[str(item["doc"])].append(Fact(int(item["start"]), int(item["end"]), label, start,
                                                graph.nodes[start].get("name")))
    graph.graph["explorer_facts_by_document"] = dict(found)
    return graph.graph["explorer_facts_by_document"]


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph (between blank lines) around [start, end)."""
    before = [m.end() for m in PARAGRAPH_BREAK.finditer(text, 0, start)]
    after = PARAGRAPH_BREAK.search(text, end)
    return (before[-1] if before else 0), (after.start() if after else len(text))


def marked_text(text: str, selected: tuple[int, int] | None, others: list[Fact]) -> str:
    """The text escaped, with <mark class=selected> over the chosen span and <mark class=fact> over the others;
    overlapping spans are cut into segments so that marks never cross."""
    cuts = {0, len(text)}
    spans = [(f.start, f.end) for f in others] + ([selected] if selected else [])
    for a, b in spans:
        cuts.update((max(0, min(a, len(text))), max(0, min(b, len(text)))))
    points = sorted(cuts)
    out = []
    first = True
    for a, b in zip(points, points[1:], strict=False):
        piece = esc(text[a:b])
        covering = [f for f in others if f.start <= a and b <= f.end]
        chosen = selected is not None and selected[0] <= a and b <= selected[1]
        title = f' title="{esc("; ".join(sorted({f.label for f in covering})))}"' if covering else ""
        if chosen:  # a fact inside the chosen quote (a name in the sentence) is marked too: "selected fact"
            anchor = ' id="quote"' if first else ""
            first = False
            out.append(f'<mark class="selected{" fact" if covering else ""}"{anchor}{title}>{piece}</mark>')
        elif covering:
            out.append(f'<mark class="fact"{title}>{piece}</mark>')
        else:
            out.append(piece)
    return "".join(out)


def document_page(node: dict[str, Any], text: str, facts: list[Fact], start: int | None, end: int | None) -> str:
    """The whole text; with a span, that span highlighted and the other facts of its paragraph marked and listed."""
    selected = (start, end) if start is not None and end is not None and 0 <= start < end <= len(text) else None
    others: list[Fact] = []
    if selected is not None:
        low, high = paragraph_bounds(text, *selected)
        others = [f for f in facts if f.start < high and f.end > low and (f.start, f.end) != selected]
    listed = sorted(set(others), key=lambda f: (f.start, f.end, f.label))
    side = "".join(f'<li><a href="?start={f.start}&amp;end={f.end}">{esc(f.label)}</a></li>' for f in listed)
    quoted = "" if selected is None else f'<blockquote class="chosen-quote">{esc(text[selected[0]:selected[1]])}</blockquote>'
    header = (f'<h1>{esc(node.get("title") or node.get("name"))}</h1><p class="doc-meta">{esc(node.get("date"))} · '
              f'{esc(node.get("publisher"))} · {esc(node.get("file"))} · {len(facts)} quoted facts</p>{quoted}')
    aside = (f'<aside class="paragraph-facts"><h3>Other facts of this paragraph <span class="count">{len(listed)}'
             f'</span></h3><ul>{side}</ul></aside>') if selected is not None else ""
    body = (f'{header}<div class="document-layout"><pre class="document-text">{marked_text(text, selected, others)}'
            f'</pre>{aside}</div>')
    return page(str(node.get("title") or node["id"]), body, "document")
