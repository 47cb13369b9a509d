"""formhandler's Content-Security-Policy where pages do more than load: search, forms, the
staff side. Every built page is checked against it in test_every_page.py, in the same visit
as axe."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pyotp
import pytest
from playwright.sync_api import Browser

from tests.support.csp import RECORD_VIOLATIONS
from tests.support.live import LiveServer
from tests.support.staff import PASSWORD, add_account, add_message, brussels, side_of, staff_app

pytestmark = pytest.mark.browser


def test_search_works_under_the_policy(browser: Browser, live_server) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(base_url=live_server.url)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.goto("/zoeken/", wait_until="networkidle")
    page.get_by_label("Waar zoek je naar?").fill("stalking")
    page.locator(".site-search__results a").first.wait_for(timeout=10_000)
    assert page.evaluate("window.__cspViolations") == []
    context.close()


def test_a_form_sent_in_the_browser_and_the_staff_login_keep_to_the_policy(
    browser: Browser,
    live_server,  # type: ignore[no-untyped-def]
) -> None:
    context = browser.new_context(base_url=live_server.url)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.goto("/contact/mail/", wait_until="networkidle")
    page.locator("[name=bericht]").fill("Ik wil iets vragen over mijn buurjongen.")
    page.locator("[name=antwoord_via][value=email]").check()  # shows the address field
    page.locator("[name=email]").fill("iemand@example.org")
    # The service refuses forms sent faster than a person could (minimum fill time).
    page.wait_for_timeout(live_server.settings.min_fill_seconds * 1000 + 500)
    page.locator("form.fh-form [type=submit]").click()
    page.wait_for_url(re.compile(r"/contact/mail/verstuurd/?\?bevestiging="))
    found = {"/contact/mail/verstuurd/": page.evaluate("window.__cspViolations")}
    page.goto("/medewerkers/", wait_until="networkidle")
    found["/medewerkers/"] = page.evaluate("window.__cspViolations")
    context.close()
    assert found == {"/contact/mail/verstuurd/": [], "/medewerkers/": []}


@pytest.fixture(scope="module")
def staff_server(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple]:
    app = staff_app(tmp_path_factory.mktemp("csp-staff"), site_dir)
    add_message(app, "CSPA2345", received=brussels("2026-11-23 10:00"))
    secret = add_account(app, "csp-coordinator", "coordinator")
    with LiveServer(side_of(app).settings) as server:
        yield server.url, secret


def test_the_staff_pages_keep_to_the_policy(browser: Browser, staff_server: tuple) -> None:
    url, secret = staff_server
    context = browser.new_context(base_url=url)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.goto("/medewerkers/aanmelden")
    page.fill("#naam", "csp-coordinator")
    page.fill("#wachtwoord", PASSWORD)
    page.fill("#code", pyotp.TOTP(secret).now())
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert "/aanmelden" not in page.url
    found = {}
    for path in (
        "/medewerkers/",
        "/medewerkers/wachtrij/antwerpen",
        "/medewerkers/bericht/CSPA2345",
        "/medewerkers/wachtrijen",
        "/medewerkers/statistieken",
        "/medewerkers/auditlog",
    ):
        response = page.goto(path, wait_until="networkidle")
        assert response is not None and response.status == 200, path
        assert response.headers["cache-control"] == "no-store", path
        found[path] = page.evaluate("window.__cspViolations")
    context.close()
    assert all(violations == [] for violations in found.values()), found
