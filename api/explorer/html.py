"""The explorer's HTML: the page layout, and the small pieces every page shows (links, quotes, lines, tables).

Everything from the graph or a document is escaped here; pages build strings only through these helpers."""
from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import Any
from urllib.parse import urlencode

STATIC = "/explore/static"
NAV = (("/", "Search"), ("/explore/graph", "Graph"), ("/explore/findings", "Findings"),
       ("/explore/atlas/overview.svg", "Atlas"),
       ("/explore/cypher", "Cypher"), ("/explore/exports", "Exports"), ("/docs", "API"))
QUOTE_CHARS = 220


def esc(value: Any) -> str:
    return "" if value is None else escape(str(value), quote=True)


def page(title: str, body: str, name: str, data: str = "") -> str:
    """A whole page: `name` tells the bundle which part to start (data-page); `data` is extra JSON for it."""
    links = "".join(f'<a href="{href}">{esc(text)}</a>' for href, text in NAV)
    script = f'<script type="application/json" id="page-data">{data}</script>' if data else ""
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{esc(title)} · Landscape explorer'
            f'</title><meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<link rel="stylesheet" href="{STATIC}/style.css"></head>'
            f'<body data-page="{esc(name)}"><header><nav><span class="brand">Landscape explorer</span>{links}</nav>'
            f'</header><main>{body}</main>{script}<script type="module" src="{STATIC}/explorer.js"></script>'
            f'</body></html>')


def body_link(node_id: str | None, name: str | None, label: str | None = "Body") -> str:
    """A body links to its page, an area to the area's graph; anything else is its name."""
    if node_id is None:
        return esc(name or "")
    if label == "Body":
        return f'<a class="body-link" href="/explore/bodies/{esc(node_id)}">{esc(name or node_id)}</a>'
    if label == "Area":
        return f'<a href="/explore/graph?{urlencode({"scope": "area", "focus": node_id})}">{esc(name or node_id)}</a>'
    return esc(name or node_id)


def document_href(item: dict[str, Any]) -> str:
    params = {"start": item.get("start"), "end": item.get("end")}
    query = urlencode({k: v for k, v in params.items() if v is not None})
    return esc(f"/explore/documents/{item.get('doc')}?{query}")


def quotes(evidence: Iterable[dict[str, Any]]) -> str:
    """Every quote of a fact, each a link to its span highlighted in the document."""
    items = []
    for item in evidence:
        text = str(item.get("quote") or "")
        short = text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS].rstrip() + "…"
        source = item.get("document") or item.get("doc")
        date = f", {esc(item.get('date'))}" if item.get("date") else ""
        items.append(f'<li><a class="quote" href="{document_href(item)}" title="{esc(text)}">“{esc(short)}”</a>'
                     f' <span class="source">{esc(source)}{date} · {esc(item.get("method"))}</span></li>')
    return f'<ul class="quotes">{"".join(items)}</ul>' if items else '<p class="none">no quote</p>'


def status_badge(status: str | None) -> str:
    return "" if status is None else f'<span class="status status-{esc(status)}">{esc(status)}</span>'


def basis_badge(line: dict[str, Any]) -> str:
    """How a chair is held where the text says so ("rotating", "independent"), beside the line's status."""
    basis = (line.get("properties") or {}).get("basis")
    return "" if not basis else f' <span class="basis">{esc(basis)} chair</span>'


def dates(valid_from: str | None, valid_to: str | None) -> str:
    if valid_from is None and valid_to is None:
        return ""
    return f'<span class="dates">{esc(valid_from or "…")} – {esc(valid_to or "…")}</span>'


def line_dates(line: dict[str, Any]) -> str:
    """The dates a document states for a line, else the window it holds in (from the attesting document's date)."""
    if line.get("valid_from") is not None or line.get("valid_to") is not None:
        return dates(line.get("valid_from"), line.get("valid_to"))
    if line.get("holds_from") is None and line.get("holds_to") is None:
        return ""
    return '<span class="dates">holds ' + dates(line.get("holds_from"), line.get("holds_to"))[len('<span class="dates">'):]


def earlier(line: dict[str, Any]) -> str:
    """A line that does not hold today says at which date it does (or was stated, for an intention)."""
    when = line.get("earlier")
    return "" if when is None else f' <span class="earlier">as of {esc(when)}; not today</span>'


def lines_table(lines: list[dict[str, Any]], heading: str, css: str) -> str:
    """One section of related nodes: name, relationship type, status, dates and the quotes."""
    if not lines:
        return ""
    rows = "".join(
        f'<tr><td>{body_link(ln.get("id"), ln.get("name"), ln.get("label"))}</td><td class="type">{esc(ln.get("type"))}'
        f'</td><td>{status_badge(ln.get("status"))}{basis_badge(ln)} {line_dates(ln)}{earlier(ln)}</td>'
        f'<td>{quotes(ln.get("evidence") or [])}</td></tr>' for ln in lines)
    return (f'<section class="{esc(css)}"><h2>{esc(heading)} <span class="count">{len(lines)}</span></h2>'
            f'<table class="facts"><thead><tr><th>with</th><th>line</th><th>status, dates</th><th>quotes</th></tr>'
            f'</thead><tbody>{rows}</tbody></table></section>')


def money(amount: Any) -> str:
    if isinstance(amount, int | float):
        return f"£{amount:,.0f}"
    return "" if amount is None else esc(amount)
