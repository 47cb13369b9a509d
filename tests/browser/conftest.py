"""Browser fixtures: Debian's Chromium driven by Playwright (never `playwright install`)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The quick exit's neutral site, answered by Playwright itself: no request leaves the machine.
NEUTRAL_SITE_BODY = "<!doctype html><html lang=nl><title>Weer</title><h1>Het weer</h1></html>"


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as runner:
        yield runner


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


class RequestLog:
    """Every request a page makes; requests to other hosts are blocked and kept."""

    def __init__(self, local_host: str) -> None:
        self.local_host = local_host
        self.foreign: list[str] = []

    def route(self, route, request) -> None:  # type: ignore[no-untyped-def]
        host = urlsplit(request.url).netloc
        if request.url.startswith(("data:", "blob:")) or host == self.local_host:
            route.continue_()
        else:
            self.foreign.append(request.url)
            route.abort()


@pytest.fixture
def page(browser: Browser, live_server) -> Iterator[Page]:  # type: ignore[no-untyped-def]
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.request_log = RequestLog(urlsplit(live_server.url).netloc)  # type: ignore[attr-defined]
    context.route("**/*", page.request_log.route)  # type: ignore[attr-defined]
    yield page
    context.close()
