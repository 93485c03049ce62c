"""Neo4j Browser support: a guide (`:play <url>`) whose slides run the Cypher library, and a style file."""
from __future__ import annotations

import html
import json
from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, PlainTextResponse

from graph.queries import cypher, header
from graph.settings import REPO

router = APIRouter(prefix="/browser", tags=["neo4j browser"])
STYLE = REPO / "docs" / "browser" / "style.grass"
# The guide's slides, in the order a new user would want them.
SLIDES = ("search_bodies", "body", "members_and_chair", "reports_to_body", "accountability_chain", "bodies_by_theme",
          "priorities", "themes", "funding", "funding_totals", "area", "area_coverage", "node_evidence",
          "relationship_evidence", "landscape_as_of", "documents")


def cypher_literal(value: Any) -> str:
    """A JSON value as a Cypher literal, for the guide's `:params` lines."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    if isinstance(value, str):
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"
    if isinstance(value, list):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {cypher_literal(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no Cypher literal for {type(value).__name__}")


def example(name: str) -> dict[str, Any]:
    """The parameters of the `// Example:` header line of a query file ({} when it has none)."""
    for line in header(name).splitlines():
        if line.startswith("Example:"):
            found: dict[str, Any] = json.loads(line.removeprefix("Example:").strip())
            return found
    return {}


def _slide(name: str) -> str:
    about = [line for line in header(name).splitlines() if not line.startswith("Example:")]
    body = "\n".join(line for line in cypher(name).splitlines() if not line.startswith("//")).strip()
    params = example(name)
    runnable = []
    if params:
        runnable.append(f":params {cypher_literal(params)}")
    runnable.append(body)
    blocks = "\n".join(f'<pre class="pre-scrollable code runnable">{html.escape(text)}</pre>' for text in runnable)
    return (f'<slide class="row-fluid">\n<div class="col-sm-4">\n<h3>{html.escape(name.replace("_", " "))}</h3>\n'
            f'<p class="lead">{html.escape(" ".join(about))}</p>\n<p>File: <code>cypher/{name}.cypher</code>. '
            "Click the <code>:params</code> block first, then the query.</p>\n</div>\n"
            f'<div class="col-sm-8">\n{blocks}\n</div>\n</slide>')


def guide_html() -> str:
    intro = (
        '<slide class="row-fluid">\n<div class="col-sm-12">\n<h3>The partnership landscape of Leicester, '
        "Leicestershire and Rutland</h3>\n<p class=\"lead\">Boards, partnerships and groups, their lines of "
        "accountability, priorities and money, loaded from five reports (2006-2012). Every node and relationship "
        "carries its evidence: document, character span, verbatim quote (<code>ev_docs</code>, <code>ev_starts</code>, "
        "<code>ev_ends</code>, <code>ev_quotes</code>, <code>ev_methods</code>).</p>\n"
        "<p>Each slide runs one query of the project's Cypher library (<code>cypher/</code>), the same file the API "
        "runs. Set its parameters with the <code>:params</code> block, then run the query.</p>\n"
        '<pre class="pre-scrollable code runnable">MATCH (b:Body)-[r:REPORTS_TO|SUBGROUP_OF|ACCOUNTABLE_TO]->(t:Body) '
        "RETURN b, r, t</pre>\n</div>\n</slide>"
    )
    slides = "\n".join([intro, *(_slide(name) for name in SLIDES)])
    return f'<article class="guide">\n<carousel class="deck container-fluid">\n{slides}\n</carousel>\n</article>\n'


@router.get("/guide.html", response_class=HTMLResponse)
def guide() -> HTMLResponse:
    """The Neo4j Browser guide: run `:play http://<host>:8000/browser/guide.html` in Neo4j Browser."""
    return HTMLResponse(guide_html())


@router.get("/style.grass", response_class=PlainTextResponse)
def style() -> PlainTextResponse:
    """Colours and captions per label for Neo4j Browser (drag the file onto Browser, or `:style` and paste it)."""
    return PlainTextResponse(STYLE.read_text(encoding="utf-8"), media_type="text/plain; charset=utf-8")
