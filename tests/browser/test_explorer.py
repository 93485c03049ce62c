"""The explorer in a real browser (Debian's Chromium driven by Playwright) against the API serving the seeds: search
CSPB, open the body, click a quote and see it highlighted in the document; move the graph's date slider and see a line
disappear while every body stays in place; run a library query in the Cypher workbench; and /docs working with every
request that leaves this machine refused.

Screenshots go to $LANDSCAPE_EXPLORER_SCREENSHOTS, else out/ (docs/img/explorer-*.png are copies, looked at).
"""
from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from api.browser import example
from api.explorer_routes import DIST
from graph.engine import Engine
from graph.settings import REPO, Settings
from tests.browser.chromium import local_page, need_chromium
from tests.conftest import free_port

pytestmark = pytest.mark.browser
WAIT_MS = 30_000
CSPB = "community-safety-programme-board"
SPB = "strategic-partnership-board"
LIBRARY_QUERY = "reports_to_body"


@pytest.fixture(scope="module")
def api(settings: Settings, loaded_engine: Engine) -> Iterator[str]:
    """The app served over HTTP in this process (a thread), on the session's engine with the seeds loaded."""
    need_chromium()
    assert (DIST / "explorer.js").is_file(), "the explorer is not built: `make setup` runs npm ci and esbuild"
    from api.app import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings=settings, engine=loaded_engine), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the API did not start"
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=30)


@pytest.fixture(scope="module")
def browser_page(api: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, list[str]]]:
    """One Chromium page for the module; any request that is not to this machine is refused and recorded."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context, page, blocked = local_page(playwright, tmp_path_factory.mktemp("chromium"),
                                            {"width": 1400, "height": 1000}, WAIT_MS)
        try:
            yield page, blocked
        finally:
            context.close()


def shot(page: Any, name: str) -> None:
    folder = Path(os.environ.get("LANDSCAPE_EXPLORER_SCREENSHOTS") or REPO / "out")
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"explorer-{name}.png"))


def test_search_cspb_open_the_body_and_see_a_quote_highlighted_in_its_document(
        api: str, browser_page: tuple[Any, list[str]]) -> None:
    from playwright.sync_api import expect

    page, blocked = browser_page
    page.goto(api + "/")
    page.get_by_label("search bodies").fill("CSPB")
    page.get_by_label("search bodies").press("Enter")
    first = page.locator("ol.results li a.body-link").first
    expect(first).to_have_text("Community Safety Programme Board")
    expect(page.locator(".facet-kind a[data-value=board]")).to_be_visible()
    shot(page, "search")

    first.click()
    expect(page.locator("h1")).to_have_text("Community Safety Programme Board")
    merger = page.locator("section.mergers tr", has=page.locator(f'a[href="/explore/bodies/{SPB}"]')).first
    expect(merger).to_contain_text("MERGED_INTO")
    expect(page.locator("section.chair")).to_contain_text("Chief Constable")
    shot(page, "body")

    quote = merger.locator("a.quote").first
    full = quote.get_attribute("title")
    assert full and "merge with the Local Criminal Justice Board" in full
    quote.click()
    expect(page).to_have_url(re.compile(r"/explore/documents/\w+\?start=\d+&end=\d+"))
    selected = page.locator("mark.selected")
    expect(selected.first).to_be_visible()
    assert "".join(selected.all_text_contents()) == full
    # The other facts of that paragraph are marked in the text and listed beside it.
    others = page.locator(".paragraph-facts li")
    assert others.count() >= 1 and page.locator("mark.fact").count() >= 1
    shot(page, "document")
    assert blocked == []


def _visible_merger(page: Any) -> Any:
    return page.locator(f'line.edge[data-type=MERGED_INTO][data-source={CSPB}][data-target={SPB}]')


def test_the_date_slider_hides_a_line_and_keeps_every_body_in_place(
        api: str, browser_page: tuple[Any, list[str]]) -> None:
    from playwright.sync_api import expect

    page, blocked = browser_page
    page.goto(f"{api}/explore/graph?focus={CSPB}&scope=neighbourhood")
    merger = _visible_merger(page)
    expect(merger).to_have_attribute("display", "inline")  # today: CSPB has merged into the SPB (from 2012-09)
    places = page.locator("g.node").evaluate_all("nodes => nodes.map(n => n.dataset.id + n.getAttribute('transform'))")
    before = int(page.locator("#visible-lines").get_attribute("data-count") or 0)
    shot(page, "graph")

    slider = page.locator("#as-of")
    slider.focus()
    slider.press("Home")  # the earliest date: the 2006 document
    expect(page.locator("#as-of-label")).to_have_text(re.compile(r"^2006"))
    expect(merger).to_have_attribute("display", "none")
    after = int(page.locator("#visible-lines").get_attribute("data-count") or 0)
    assert after < before
    assert page.locator("g.node").evaluate_all("nodes => nodes.map(n => n.dataset.id + n.getAttribute('transform'))") == places
    shot(page, "graph-2006")

    # A click expands the body's neighbours.
    count = page.locator("g.node").count()
    page.locator(f'g.node[data-id="{SPB}"]').click()
    expect(page.locator("#open-body")).to_be_visible()
    page.wait_for_function(f"document.querySelectorAll('g.node').length > {count}")
    assert blocked == []


def test_the_workbench_runs_a_library_query_as_a_table_and_a_graph(
        api: str, browser_page: tuple[Any, list[str]], loaded_engine: Engine) -> None:
    from playwright.sync_api import expect

    page, blocked = browser_page
    expected = sorted({row["name"] for row in loaded_engine.read(LIBRARY_QUERY, **example(LIBRARY_QUERY))})
    assert expected
    page.goto(api + "/explore/cypher")
    expect(page.locator(".cm-editor")).to_be_visible()
    page.locator(f"button.example[data-name={LIBRARY_QUERY}]").click()
    expect(page.locator("#status")).to_have_attribute("data-rows", str(len(loaded_engine.read(LIBRARY_QUERY, **example(LIBRARY_QUERY)))))
    # Cypher is highlighted: keywords get their own spans from the Cypher mode.
    assert page.locator(".cm-content span").count() > 3
    table = page.locator("#result-table table")
    for name in expected[:5]:
        expect(table).to_contain_text(name)
    shot(page, "cypher")
    # A query typed by hand (Ctrl-Enter runs it) that returns nodes and relationships: drawn as a graph.
    page.locator(".cm-content").click()
    page.keyboard.press("Control+A")
    page.keyboard.type("MATCH (b:Body)-[r:MERGED_INTO]->(t:Body) RETURN b, r, t")
    page.locator("#params").fill("{}")
    page.locator(".cm-content").press("Control+Enter")
    expect(page.locator("#result-table table")).to_contain_text("MERGED_INTO")
    page.get_by_role("button", name="Graph").click()
    expect(page.locator("#result-svg")).to_be_visible()
    assert page.locator("#result-svg g.result-node").count() >= 2 and page.locator("#result-svg line.rel").count() >= 1
    shot(page, "cypher-graph")
    assert blocked == []


def test_findings_link_to_bodies_and_quotes(api: str, browser_page: tuple[Any, list[str]]) -> None:
    from playwright.sync_api import expect

    page, blocked = browser_page
    page.goto(api + "/explore/findings")
    expect(page.locator("section.category-duplication li.finding").first).to_be_visible()
    expect(page.locator("section.category-gaps li.finding").first).to_be_visible()
    assert page.locator("li.finding a.body-link").count() > 0 and page.locator("li.finding a.quote").count() > 0
    shot(page, "findings")
    assert blocked == []


def test_openapi_docs_work_with_nothing_from_outside(api: str, browser_page: tuple[Any, list[str]]) -> None:
    from playwright.sync_api import expect

    page, blocked = browser_page
    page.goto(api + "/docs")
    expect(page.locator(".swagger-ui .opblock").first).to_be_visible()
    expect(page.locator(".swagger-ui")).to_contain_text("/bodies/{id}")
    shot(page, "docs")
    assert blocked == []
