"""Neo4j Browser in a real browser (Debian's Chromium driven by Playwright), against the session's Neo4j and the API:
connect with the password, the project's style and guide loaded on connect, `:play` of the guide, one library query
run from its slide, the expected names in its result, and the style's colours and captions in the rendered graph.

A screenshot goes to $LANDSCAPE_BROWSER_SCREENSHOT, else out/neo4j-browser.png (docs/img/neo4j-browser.png is one).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from api.browser import SLIDES, STYLE, example
from graph.engine import Engine
from graph.server import lifecycle
from graph.settings import REPO, Settings
from tests.browser.chromium import LOCAL, local_page, need_chromium

pytestmark = pytest.mark.browser
WAIT_MS = 60_000
LIBRARY_QUERY = "reports_to_body"


def grass_colour(label: str) -> str:
    """The fill colour style.grass gives a label."""
    block = re.search(rf"node\.{label} \{{(.*?)\}}", STYLE.read_text(encoding="utf-8"), re.S)
    assert block is not None, label
    colour = re.search(r"\bcolor: (#[0-9A-Fa-f]{6});", block.group(1))
    assert colour is not None, label
    return colour.group(1).upper()


@pytest.fixture(scope="module")
def api(settings: Settings, loaded_engine: Engine) -> Iterator[str]:
    """The API served where the session's Neo4j expects it (settings.api_url): Browser fetches the guide and style."""
    if not settings.local:
        pytest.skip("Neo4j Browser is checked against the session's own Neo4j (its configuration names the API)")
    need_chromium()
    port = urlsplit(settings.api_url).port
    server = subprocess.Popen([sys.executable, "-m", "cli.main", "serve", "--port", str(port)], cwd=REPO,
                              env={**os.environ, "LANDSCAPE_DATA_DIR": str(settings.data_dir)},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(settings.api_url + "/health", timeout=5):
                    break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, "the API did not start"
                time.sleep(0.3)
        yield settings.api_url
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_browser_connects_plays_the_guide_runs_a_library_query_and_applies_the_style(
        api: str, settings: Settings, loaded_engine: Engine, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    home = lifecycle.Home.of(settings)
    state = lifecycle.running(home)
    assert state is not None
    expected = [row["name"] for row in loaded_engine.read(LIBRARY_QUERY, **example(LIBRARY_QUERY))]
    assert expected
    with sync_playwright() as playwright:
        # Bolt over a local websocket too; fonts and analytics are refused (no network here, and none needed)
        context, page, blocked = local_page(playwright, tmp_path / "chromium", {"width": 1400, "height": 1100},
                                            WAIT_MS, allowed=(*LOCAL, "ws://127.0.0.1"))
        try:
            expect.set_options(timeout=WAIT_MS)  # the Browser's frames and carousel can take seconds on a busy machine

            # The Browser URL fills in the connect form: Bolt address, database and user.
            page.goto(state.browser_url)
            expect(page.get_by_test_id("boltaddress")).to_have_value(f"127.0.0.1:{state.bolt_port}")
            expect(page.get_by_test_id("username")).to_have_value(lifecycle.USER)
            page.get_by_test_id("password").fill(lifecycle.password(home))
            page.get_by_test_id("connect").click()

            # On connect (browser.post_connect_cmd) the project's style and guide are loaded from the API.
            frames = page.get_by_test_id("frame")
            expect(frames.filter(has_text=f":style {api}/browser/style.grass")).to_have_count(1)
            expect(frames.filter(has_text="The partnership landscape of Leicester")).not_to_have_count(0)

            # `:play` of the project's guide, typed as a user would.
            run(page, f":play {api}/browser/guide.html")
            guide = frames.filter(has_text=f":play {api}/browser/guide.html").first
            expect(guide.get_by_test_id("carousel")).to_be_visible()
            # The slide of one library query: its :params block, then the query, each clicked into the editor and run.
            guide.locator(f'[data-testid=carousel] li[aria-label="{SLIDES.index(LIBRARY_QUERY) + 2}"]').click()
            expect(guide.get_by_text(f"cypher/{LIBRARY_QUERY}.cypher")).to_be_visible()
            blocks = guide.locator("pre.runnable")
            expect(blocks).to_have_count(2)
            blocks.nth(0).click()
            page.get_by_test_id("editor-Run").click()
            # the :params frame shows the example's body id
            expect(frames.filter(has_text=example(LIBRARY_QUERY)["id"]).first).to_be_visible()
            blocks.nth(1).click()
            page.get_by_test_id("editor-Run").click()
            result = frames.filter(has_text="MATCH p = (child:Body)").first
            expect(result.get_by_test_id("cypherFrameSidebarTable")).to_be_visible()
            for name in expected:
                expect(result.get_by_text(f'"{name}"').first).to_be_visible()

            # The style applies in the rendered graph: each node in its label's colour, Bodies captioned with names.
            graph = "MATCH (b:Body {id: $id})-[r]-(x) WHERE NOT x:Document RETURN b, r, x"
            shown = loaded_engine.read_text("MATCH (b:Body {id: $id})-[r]-(x) WHERE NOT x:Document "
                                            "WITH b, collect(DISTINCT x) AS xs UNWIND [b] + xs AS n "
                                            "RETURN head(labels(n)) AS label", id=example(LIBRARY_QUERY)["id"])  # $id as the :params block set it
            run(page, graph)
            nodes = page.locator("g.layer.nodes g.node")
            expect(nodes).to_have_count(len(shown))
            fills = nodes.locator("circle.b-outline").evaluate_all("cs => cs.map(c => c.getAttribute('fill'))")
            assert Counter(fill.upper() for fill in fills) == Counter(grass_colour(row["label"]) for row in shown)
            assert len({row["label"] for row in shown}) > 1  # more than one colour is checked
            captions = " ".join(nodes.locator("text").all_text_contents())
            assert "Strategic" in captions and "Partnership" in captions and "Board" in captions, captions
            time.sleep(1)  # the force layout settles before the picture
            shot = Path(os.environ.get("LANDSCAPE_BROWSER_SCREENSHOT") or REPO / "out" / "neo4j-browser.png")
            shot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(tmp_path / "browser.png"))
            shutil.copy(tmp_path / "browser.png", shot)
        finally:
            context.close()
    assert not [url for url in blocked if urlsplit(url).hostname in ("127.0.0.1", "localhost")]


def run(page, command: str) -> None:  # type: ignore[no-untyped-def]
    """Type a command into Browser's editor and run it."""
    page.get_by_test_id("activeEditor").click()
    page.keyboard.type(command)
    page.get_by_test_id("editor-Run").click()
