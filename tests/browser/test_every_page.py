"""Every built page in a real browser: axe (WCAG 2.0/2.1/2.2 A and AA), 320 px, no other
hosts, and formhandler's Content-Security-Policy (no violation, our script still runs).

The pages come from the built site, so a page added later is checked without touching
this file. One visit per page serves all the checks: the visits are most of the time
`make test` takes.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, ConsoleMessage, sync_playwright

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, RequestLog
from tests.support.csp import RECORD_VIOLATIONS
from tests.support.site import built_pages, page_url

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
AXE = Axe()


@dataclass
class PageReport:
    url: str
    violations: list[str] = field(default_factory=list)
    overflow_px: int = 0
    foreign: list[str] = field(default_factory=list)
    csp: list[str] = field(default_factory=list)


def audit(browser: Browser, base_url: str, urls: list[str]) -> list[PageReport]:
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    log = RequestLog(base_url.split("//", 1)[1])
    context.route("**/*", log.route)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    console: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            console.append(message.text)

    page.on("console", on_console)
    reports = []
    for url in urls:
        log.foreign = []
        console.clear()
        report = PageReport(url)
        page.set_viewport_size({"width": 1280, "height": 900})
        # "load", not "networkidle" (half a second of quiet per page): a page that asked
        # another host for something after loading is still caught, since the log is read
        # after axe has run.
        response = page.goto(url, wait_until="load")
        if response is None or "script-src" not in response.headers.get(
            "content-security-policy", ""
        ):
            report.csp.append("no Content-Security-Policy header")
        result = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        for violation in result.response["violations"]:
            targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:3]]
            report.violations.append(f"{violation['id']}: {violation['help']} at {targets}")
        page.set_viewport_size({"width": 320, "height": 640})
        page.wait_for_timeout(50)
        report.overflow_px = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        report.foreign = list(log.foreign)
        report.csp += page.evaluate("window.__cspViolations") + console
        # Our script (from 'self') ran: it turns the menu link into a button.
        if not page.evaluate("!!document.querySelector('button[data-menu-toggle]')"):
            report.csp.append("site.js did not run")
        reports.append(report)
    context.close()
    return reports


def audit_in_its_own_browser(base_url: str, urls: list[str], into: list[PageReport]) -> None:
    """`audit` in a Playwright and Chromium of this thread's own (Playwright's sync API
    is bound to the thread that started it)."""
    with sync_playwright() as runner:
        browser = runner.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            into.extend(audit(browser, base_url, urls))
        finally:
            browser.close()


@pytest.fixture(scope="module")
def reports(browser: Browser, live_server, site_dir: Path) -> list[PageReport]:  # type: ignore[no-untyped-def]
    """Two browsers, each visiting every other page: axe keeps a core busy per page, and
    the machine has two."""
    urls = [page_url(site_dir, path) for path in built_pages(site_dir)]
    other: list[PageReport] = []
    helper = threading.Thread(
        target=audit_in_its_own_browser, args=(live_server.url, urls[1::2], other)
    )
    helper.start()
    try:
        mine = audit(browser, live_server.url, urls[0::2])
    finally:
        helper.join()
    assert len(other) == len(urls[1::2]), "the second browser did not finish"
    return mine + other


def test_axe_finds_no_wcag_a_or_aa_violation_on_any_page(reports: list[PageReport]) -> None:
    failing = {r.url: r.violations for r in reports if r.violations}
    assert not failing


def test_no_page_scrolls_sideways_at_320_px(reports: list[PageReport]) -> None:
    failing = {r.url: r.overflow_px for r in reports if r.overflow_px > 0}
    assert not failing


def test_no_page_requests_anything_from_another_host(reports: list[PageReport]) -> None:
    failing = {r.url: r.foreign for r in reports if r.foreign}
    assert not failing


def test_no_page_violates_the_content_security_policy(reports: list[PageReport]) -> None:
    """The policy allows no inline script except by hash (sitebuild/csp.py): an inline
    script changed without a rebuilt hash list, or an inline event handler, shows here."""
    failing = {r.url: r.csp for r in reports if r.csp}
    assert not failing


def test_every_page_was_visited(reports: list[PageReport], site_dir: Path) -> None:
    assert len(reports) == len(built_pages(site_dir)) > 40
