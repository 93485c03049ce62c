"""The explorer's server-rendered pages: search with facets, a page per body, findings, exports and the shells of
the graph view and the Cypher workbench (their scripts are in src/). Each takes plain data and returns HTML."""
from __future__ import annotations

import json
from collections import Counter
from typing import Any
from urllib.parse import urlencode

import networkx as nx

from api.explorer.html import body_link, esc, lines_table, money, page, quotes, status_badge

CHAIR_TYPES = ("CHAIRED_BY", "VICE_CHAIRED_BY", "LED_BY")
STORED_TIME = frozenset({"holds_from", "holds_to", "holds_doc", "intention"})  # shown as one "holds" line


# --- search -------------------------------------------------------------------------------------------------------


def facet_counts(graph: nx.MultiDiGraph, items: list[dict[str, Any]]) -> tuple[Counter[str], Counter[str]]:
    """How many of the found bodies have each kind, and cover each area (directly)."""
    kinds: Counter[str] = Counter(str(item.get("kind")) for item in items if item.get("kind"))
    areas: Counter[str] = Counter()
    for item in items:
        if item["id"] not in graph:
            continue
        covered = {t for _, t, d in graph.out_edges(item["id"], data=True) if d.get("type") == "COVERS"}
        areas.update(covered)
    return kinds, areas


def _facet(name: str, title: str, counts: Counter[str], chosen: str | None, labels: dict[str, str],
           params: dict[str, str]) -> str:
    links = []
    for value, count in sorted(counts.items(), key=lambda kv: (-kv[1], labels.get(kv[0], kv[0]))):
        query = urlencode({**params, name: value})
        css = ' class="chosen"' if value == chosen else ""
        links.append(f'<li><a{css} href="/?{query}" data-facet="{esc(name)}" data-value="{esc(value)}">'
                     f'{esc(labels.get(value, value))}</a> <span class="count">{count}</span></li>')
    clear = "" if chosen is None else f'<a class="clear" href="/?{urlencode(params)}">any {esc(name)}</a>'
    return f'<section class="facet facet-{esc(name)}"><h3>{esc(title)}</h3>{clear}<ul>{"".join(links)}</ul></section>'


def search_page(graph: nx.MultiDiGraph, q: str | None, kind: str | None, area: str | None,
                found: dict[str, Any], unfiltered: list[dict[str, Any]]) -> str:
    """Results of a search with kind and area facets counted over the same words without those filters."""
    kinds, areas = facet_counts(graph, unfiltered)
    area_names = {a: str(graph.nodes[a].get("name") or a) for a in areas if a in graph}
    base = {k: v for k, v in {"q": q or "", "kind": kind or "", "area": area or ""}.items() if v}
    facets = (_facet("kind", "Kind", kinds, kind, {}, {k: v for k, v in base.items() if k != "kind"})
              + _facet("area", "Area", areas, area, area_names, {k: v for k, v in base.items() if k != "area"}))
    rows = []
    for item in found["items"]:
        aliases = ", ".join(item.get("aliases") or [])
        rows.append(f'<li class="result">{body_link(item["id"], item.get("name"))} <span class="kind">'
                    f'{esc(item.get("kind"))}</span> {status_badge(item.get("status"))}'
                    f'{f"<div class=aliases>also: {esc(aliases)}</div>" if aliases else ""}</li>')
    said = f" for “{esc(q)}”" if q else ""
    form = (f'<form class="search" action="/" method="get"><input type="search" name="q" value="{esc(q)}" '
            f'placeholder="name, alias or acronym (e.g. CSPB)" autofocus aria-label="search bodies">'
            + "".join(f'<input type="hidden" name="{k}" value="{esc(v)}">' for k, v in base.items() if k != "q")
            + '<button type="submit">Search</button></form>')
    body = (f'<h1>Bodies of the landscape</h1>{form}<div class="search-layout"><aside>{facets}</aside>'
            f'<section><p class="total">{found["total"]} bodies{said}</p><ol class="results">{"".join(rows)}</ol>'
            f'</section></div>')
    return page("Search", body, "search")


# --- a body -------------------------------------------------------------------------------------------------------


def _priorities(priorities: list[dict[str, Any]]) -> str:
    if not priorities:
        return ""
    rows = "".join(f'<tr><td>{esc(p.get("text"))}</td><td>{esc(p.get("period"))}</td>'
                   f'<td>{esc(", ".join(p.get("themes") or []))}</td><td>{quotes(p.get("evidence") or [])}</td></tr>'
                   for p in priorities)
    return (f'<section class="priorities"><h2>Priorities <span class="count">{len(priorities)}</span></h2>'
            f'<table class="facts"><thead><tr><th>priority</th><th>period</th><th>themes</th><th>quotes</th></tr>'
            f'</thead><tbody>{rows}</tbody></table></section>')


def _allocation_row(a: dict[str, Any], other: str) -> str:
    who = body_link(a.get(other), a.get(f"{other}_name"))
    amounts = " / ".join(f"{money(amt)} ({esc(per)})" if per else money(amt)
                         for amt, per in zip(a.get("amounts_gbp") or [a.get("amount_gbp")],
                                             a.get("periods") or [a.get("period")], strict=False))
    return (f'<tr><td>{esc(a.get("stream_name"))}</td><td>{who}</td><td>{esc(a.get("purpose"))}</td>'
            f'<td class="amount">{amounts}</td><td>{quotes(a.get("evidence") or [])}</td></tr>')


def _money(title: str, allocations: list[dict[str, Any]], other: str, css: str) -> str:
    if not allocations:
        return ""
    heading = "from" if other == "allocated_by" else "to"
    rows = "".join(_allocation_row(a, other) for a in allocations)
    return (f'<section class="{css}"><h2>{esc(title)} <span class="count">{len(allocations)}</span></h2>'
            f'<table class="facts"><thead><tr><th>stream</th><th>{heading}</th><th>purpose</th><th>amount</th>'
            f'<th>quotes</th></tr></thead><tbody>{rows}</tbody></table></section>')


def body_page(detail: dict[str, Any], money_in: list[dict[str, Any]], money_out: list[dict[str, Any]]) -> str:
    """Every fact about one body, each with its quotes; the quotes link to the document view."""
    others = detail.get("other_lines") or []
    chair = (detail.get("chair") or []) + (detail.get("vice_chair") or []) + (detail.get("lead") or []) + \
        [o for o in others if o.get("type") in CHAIR_TYPES]
    rest = [o for o in others if o.get("type") not in CHAIR_TYPES]
    props = {k: v for k, v in (detail.get("properties") or {}).items() if k not in STORED_TIME}
    if (detail.get("properties") or {}).get("holds_from") or (detail.get("properties") or {}).get("holds_to"):
        window = detail["properties"]
        props["holds"] = f"{window.get('holds_from') or '…'} – {window.get('holds_to') or '…'}"
    facts = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in sorted(props.items()))
    aliases = ", ".join(detail.get("aliases") or [])
    graph_link = f'/explore/graph?{urlencode({"focus": detail["id"], "scope": "neighbourhood"})}'
    chain_link = f'/explore/graph?{urlencode({"focus": detail["id"], "scope": "chain"})}'
    sections = [
        lines_table(detail.get("areas") or [], "Areas", "areas"),
        lines_table(chair, "Chair and lead", "chair"),
        lines_table(detail.get("members") or [], "Members", "members"),
        lines_table(detail.get("answers_to") or [], "Lines up", "lines-up"),
        lines_table(detail.get("answered_by") or [], "Lines down", "lines-down"),
        lines_table((detail.get("succeeded_by") or []) + (detail.get("succeeds") or []), "Mergers and renames",
                    "mergers"),
        lines_table(detail.get("member_of") or [], "Member of", "member-of"),
        lines_table(rest, "Other lines", "other-lines"),
        _priorities(detail.get("priorities") or []),
        _money("Money in", money_in, "allocated_by", "money-in"),
        _money("Money out", money_out, "recipient", "money-out"),
    ]
    body = (f'<h1>{esc(detail.get("name"))}</h1><p class="summary"><span class="kind">{esc(detail.get("kind"))}'
            f'</span> {status_badge(detail.get("status"))}</p>'
            f'{f"<p class=aliases>Also called: {esc(aliases)}</p>" if aliases else ""}'
            f'{f"<dl class=props>{facts}</dl>" if facts else ""}'
            f'<p class="views"><a href="{graph_link}">Graph of its neighbourhood</a> · '
            f'<a href="{chain_link}">its accountability chain</a></p>'
            f'<section class="named"><h2>Where the documents name it</h2>{quotes(detail.get("evidence") or [])}</section>'
            + "".join(sections))
    return page(str(detail.get("name") or detail["id"]), body, "body")


# --- findings, exports, the graph and the workbench ---------------------------------------------------------------


def _finding(finding: dict[str, Any]) -> str:
    nodes = ", ".join(body_link(n["id"], n.get("name"), n.get("label")) for n in finding.get("nodes") or [])
    return (f'<li class="finding severity-{esc(finding.get("severity"))}"><p><span class="rule">{esc(finding.get("rule"))}'
            f'</span> <span class="severity">{esc(finding.get("severity"))}</span> {esc(finding.get("explanation"))}</p>'
            f'<p class="involved">{nodes}</p>{quotes(finding.get("evidence") or [])}</li>')


def findings_page(categories: dict[str, list[dict[str, Any]]]) -> str:
    sections = []
    for category, found in categories.items():
        items = "".join(_finding(f) for f in found)
        sections.append(f'<section class="category-{esc(category)}"><h2>{esc(category.capitalize())} '
                        f'<span class="count">{len(found)}</span></h2><ol class="findings">{items}</ol></section>')
    return page("Findings", "<h1>Findings</h1>" + "".join(sections), "findings")


EXPORTS = (("graph.json", "JSON: nodes and relationships with evidence"),
           ("nodes.csv", "CSV: nodes, one row each, with evidence columns"),
           ("relationships.csv", "CSV: relationships, one row each, with evidence columns"),
           ("graph.graphml", "GraphML: opens in Gephi and yEd (networkx reads it back)"),
           ("graph.jsonld", "JSON-LD with the W3C Organization Ontology (org:)"))


def exports_page() -> str:
    items = "".join(f'<li><a download href="/explore/export/{name}">{esc(name)}</a> {esc(what)}</li>'
                    for name, what in EXPORTS)
    cli = "landscape export --format json|csv|graphml|jsonld -o FILE"
    return page("Exports", f"<h1>Exports</h1><ul class=exports>{items}</ul><p>The same from the command line: "
                           f"<code>{esc(cli)}</code></p>", "exports")


def graph_page(focus: str | None, scope: str, data: dict[str, Any]) -> str:
    """The shell of the graph view: the script draws `data` (positions, lines and the dates of the slider)."""
    body = ('<h1>Graph</h1><div class="graph-controls"><label>as of <input type="range" id="as-of" min="0" '
            f'max="{max(len(data["dates"]) - 1, 0)}" value="{max(len(data["dates"]) - 1, 0)}" step="1"></label>'
            '<output id="as-of-label"></output> <span id="visible-lines"></span></div>'
            '<div class="graph-layout"><div id="graph" class="graph-canvas"></div><aside id="graph-side">'
            '<p>Click a body to expand its neighbours; its page opens from here.</p><div id="selected"></div>'
            '<div id="legend"></div></aside></div>')
    return page("Graph", body, "graph", json.dumps(data).replace("</", "<\\/"))


def workbench_page(library: list[dict[str, Any]]) -> str:
    buttons = "".join(f'<li><button type="button" class="example" data-name="{esc(q["name"])}" title="{esc(q["header"])}">'
                      f'{esc(q["name"])}</button></li>' for q in library)
    body = ('<h1>Cypher workbench</h1><div class="workbench"><aside><h3>Library</h3><ul class="library">'
            f'{buttons}</ul></aside><section><div id="editor" class="editor"></div><label>Parameters (JSON)'
            '<textarea id="params" rows="4" spellcheck="false">{}</textarea></label><p><button id="run" '
            'type="button">Run (Ctrl-Enter)</button> <span id="status"></span></p><div class="tabs">'
            '<button type="button" data-tab="table" class="on">Table</button><button type="button" data-tab="graph">'
            'Graph</button></div><div id="result-table"></div><div id="result-graph" hidden></div></section></div>')
    return page("Cypher", body, "cypher", json.dumps({"library": library}).replace("</", "<\\/"))
