"""The pickup pages in Chromium (issue 12): axe and no sideways scroll at 320 px in every
state (empty, error, locked, conversation) for every audience and language; keyboard only;
JavaScript off."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import httpx2
import pytest
from playwright.sync_api import Browser, Page

from tests.browser.test_forms_in_browser import new_context, overflow_at_320, violations
from tests.support.forms import form_settings
from tests.support.live import LiveServer

pytestmark = pytest.mark.browser

PATHS = [
    "/contact/antwoord/",
    "/fr/contact/antwoord/",
    "/en/contact/antwoord/",
    "/kinderen/antwoord/",
    "/jongeren/antwoord/",
]
CODE = "Zeeslang-Tulp-42"


def _token(html: str) -> str:
    return re.search(r'name="token" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def pickup_server(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    settings = form_settings(
        tmp_path_factory.mktemp("browser-pickup"),
        site_dir,
        FORMHANDLER_MIN_FILL_SECONDS="0.3",
        FORMHANDLER_RATE_LIMIT="1000/600",
    )
    with LiveServer(settings) as server:
        client = httpx2.Client(base_url=server.url, timeout=30)
        form = client.get("/kinderen/mail/")
        time.sleep(0.4)
        sent = client.post(
            "/kinderen/mail/",
            data={
                "token": _token(form.text),
                "bericht": "Ik wil iets vertellen.",
                "antwoord_via": "site",
                "codewoord": CODE,
            },
        )
        assert sent.status_code == 303
        reference = re.search(
            r"<strong>([A-Z0-9]{8})</strong>", client.get(sent.headers["location"]).text
        )
        assert reference
        server.reference = reference.group(1)  # type: ignore[attr-defined]
        # One unknown reference locked by ten wrong tries.
        for _ in range(10):
            page = client.get("/contact/antwoord/")
            time.sleep(0.35)
            client.post(
                "/contact/antwoord/",
                data={
                    "token": _token(page.text),
                    "referentie": "LQCK2345",
                    "codewoord": "fout-fout",
                },
            )
        yield server


def _send(page: Page, reference: str, code: str) -> None:
    page.fill("#f-referentie", reference)
    page.fill("#f-codewoord", code)
    page.wait_for_timeout(400)
    with page.expect_navigation():
        page.click("button.fh-submit")


@pytest.mark.parametrize("path", PATHS)
def test_every_state_is_axe_clean_without_sideways_scroll(
    browser: Browser, pickup_server: LiveServer, path: str
) -> None:
    context = new_context(browser, pickup_server)
    page = context.new_page()
    states = {}
    page.goto(path)
    states["empty"] = (violations(page), overflow_at_320(page))
    _send(page, "ABCD2345", "verkeerd-woord")
    assert page.locator(".fh-error-summary").count() == 1
    states["error"] = (violations(page), overflow_at_320(page))
    page.goto(path)
    _send(page, "LQCK2345", "fout-fout")
    assert "tel:" in page.inner_html(".fh-error-summary")
    states["locked"] = (violations(page), overflow_at_320(page))
    page.goto(path)
    _send(page, pickup_server.reference, CODE)  # type: ignore[attr-defined]
    assert page.locator("#f-bericht").count() == 1
    states["conversation"] = (violations(page), overflow_at_320(page))
    assert states == {state: ([], 0) for state in states}
    assert not context.request_log.foreign  # type: ignore[attr-defined]
    assert context.cookies() == []
    context.close()


def _tab_to(page: Page, element_id: str) -> None:
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
    raise AssertionError(f"#{element_id} cannot be reached with Tab")


@pytest.mark.parametrize("javascript", [True, False])
def test_pickup_and_reply_with_the_keyboard_alone(
    browser: Browser, pickup_server: LiveServer, javascript: bool
) -> None:
    context = new_context(browser, pickup_server, java_script_enabled=javascript)
    page = context.new_page()
    page.goto("/jongeren/antwoord/")
    _tab_to(page, "f-referentie")
    page.keyboard.type(pickup_server.reference)  # type: ignore[attr-defined]
    page.keyboard.press("Tab")
    page.keyboard.type(CODE)
    page.wait_for_timeout(400)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("#f-bericht").count() == 1
    _tab_to(page, "f-bericht")
    page.keyboard.type(f"Nog een vraag ({'met' if javascript else 'zonder'} JavaScript)")
    page.keyboard.press("Tab")
    page.wait_for_timeout(400)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Je bericht is verstuurd" in page.content()
    assert "Nog een vraag" in page.content()
    assert context.cookies() == []
    context.close()
