"""The staff pages in Chromium: axe (WCAG 2.x A and AA), 320 px wide, and keyboard alone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyotp
import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from tests.browser.test_every_page import AXE, WCAG_TAGS
from tests.support.live import LiveServer
from tests.support.staff import PASSWORD, add_account, add_message, brussels, side_of, staff_app

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def staff_server(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    app = staff_app(tmp_path_factory.mktemp("staff-browser"), site_dir)
    add_message(app, "OPEN2345", received=brussels("2026-11-23 10:00"))
    add_message(app, "LATE2345", received=brussels("2026-11-02 10:00"))
    add_message(app, "BELM2345", reply_by="phone", text="Bel me na 14 uur <script>x()</script>")
    accounts = {
        "axe-helper": add_account(app, "axe-helper", "helper", "antwerpen"),
        "axe-coordinator": add_account(app, "axe-coordinator", "coordinator"),
        "toetsenbord": add_account(app, "toetsenbord", "helper", "antwerpen"),
    }
    with LiveServer(side_of(app).settings) as server:
        yield {"url": server.url, "accounts": accounts}


def logged_in(browser: Browser, server: dict, name: str) -> tuple[BrowserContext, Page]:
    context = browser.new_context(base_url=server["url"], viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto("/medewerkers/aanmelden")
    page.fill("#naam", name)
    page.fill("#wachtwoord", PASSWORD)
    page.fill("#code", pyotp.TOTP(server["accounts"][name]).now())
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert "/aanmelden" not in page.url
    return context, page


def violations(page: Page) -> list[str]:
    result = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [
        f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
        for v in result.response["violations"]
    ]


def check_pages(page: Page, urls: list[str]) -> dict[str, object]:
    failing: dict[str, object] = {}
    for url in urls:
        page.set_viewport_size({"width": 1280, "height": 900})
        response = page.goto(url)
        assert response is not None and response.status == 200, url
        found = violations(page)
        page.set_viewport_size({"width": 320, "height": 640})
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if found or overflow > 0:
            failing[url] = {"axe": found, "overflow_px": overflow}
    return failing


def test_login_page_passes_axe(browser: Browser, staff_server: dict) -> None:
    context = browser.new_context(base_url=staff_server["url"])
    page = context.new_page()
    assert check_pages(page, ["/medewerkers/aanmelden"]) == {}
    # The error state as well.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.fill("#naam", "niemand")
    page.click("button[type=submit]")
    assert page.title().startswith("Fout:")
    assert violations(page) == []
    context.close()


def test_helper_pages_pass_axe(browser: Browser, staff_server: dict) -> None:
    context, page = logged_in(browser, staff_server, "axe-helper")
    urls = [
        "/medewerkers/wachtrij/antwerpen",
        "/medewerkers/bericht/OPEN2345",
        "/medewerkers/bericht/BELM2345",
    ]
    assert check_pages(page, urls) == {}
    context.close()


def test_coordinator_pages_pass_axe(browser: Browser, staff_server: dict) -> None:
    context, page = logged_in(browser, staff_server, "axe-coordinator")
    urls = [
        "/medewerkers/wachtrijen",
        "/medewerkers/escalaties",
        "/medewerkers/statistieken",
        "/medewerkers/auditlog",
        "/medewerkers/testmails",  # coordinators only since the hardening (issue 16)
    ]
    assert check_pages(page, urls) == {}
    context.close()


def tab_to(page: Page, selector: str, limit: int = 80) -> None:
    """Press Tab until `selector` has focus; every stop on the way must show its focus."""
    target = page.locator(selector)
    for _ in range(limit):
        page.keyboard.press("Tab")
        outline = page.evaluate(
            "(() => { const s = getComputedStyle(document.activeElement);"
            " return s.outlineStyle !== 'none' && s.outlineWidth !== '0px'; })()"
        )
        assert outline, f"focus not visible on {page.evaluate('document.activeElement.outerHTML')}"
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{selector} cannot be reached with Tab")


def submit_with_enter(page: Page) -> None:
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_a_helper_can_log_in_claim_and_answer_with_the_keyboard_alone(
    browser: Browser, staff_server: dict
) -> None:
    context = browser.new_context(base_url=staff_server["url"])
    page = context.new_page()
    page.goto("/medewerkers/aanmelden")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    tab_to(page, "#naam")
    page.keyboard.type("toetsenbord")
    tab_to(page, "#wachtwoord")
    page.keyboard.type(PASSWORD)
    tab_to(page, "#code")
    page.keyboard.type(pyotp.TOTP(staff_server["accounts"]["toetsenbord"]).now())
    page.keyboard.press("Enter")
    page.wait_for_url("**/medewerkers/wachtrij/antwerpen")

    tab_to(page, "a[href='/medewerkers/bericht/OPEN2345']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/medewerkers/bericht/OPEN2345")
    tab_to(page, "form[action$='/opnemen'] button")
    submit_with_enter(page)
    assert "opgenomen door toetsenbord" in page.inner_text("main")

    tab_to(page, "#antwoord")
    page.keyboard.type("Dank je voor je bericht.")
    tab_to(page, "form[action$='/antwoorden'] button")
    submit_with_enter(page)
    assert "beantwoord" in page.inner_text("main")

    # Closing: radio buttons and checkboxes by keyboard too.
    tab_to(page, "#probleem-kindermishandeling")
    page.keyboard.press("Space")
    tab_to(page, "#gevolg-advies")
    page.keyboard.press("Space")
    tab_to(page, "form[action$='/afsluiten'] button")
    submit_with_enter(page)
    assert "afgesloten" in page.inner_text("main")
    context.close()
