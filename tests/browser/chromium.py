"""Debian's Chromium for the browser tests, driven by Playwright: one launcher for every browser test, whose page
refuses (and records) every request that does not go to this machine."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
LOCAL = ("http://127.0.0.1", "data:", "blob:")


def need_chromium() -> None:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing (`make test` installs Debian's chromium)")


def local_page(playwright: Any, folder: Path, viewport: dict[str, int], wait_ms: int,
               allowed: tuple[str, ...] = LOCAL) -> tuple[Any, Any, list[str]]:
    """(context, page, blocked): a persistent Chromium context in `folder`; requests to URLs not starting with one of
    `allowed` are aborted and their URLs appended to `blocked` (this machine has no network, and no test needs it)."""
    context = playwright.chromium.launch_persistent_context(str(folder), executable_path=CHROMIUM, headless=True,
                                                            args=ARGS, viewport=viewport)
    page = context.pages[0] if context.pages else context.new_page()
    blocked: list[str] = []

    def local_only(route):  # type: ignore[no-untyped-def]
        if route.request.url.startswith(allowed):
            return route.continue_()
        blocked.append(route.request.url)
        return route.abort()

    page.route("**/*", local_only)
    page.set_default_timeout(wait_ms)
    return context, page, blocked
