"""Issue 15, point 4: a message sent within the minimum fill time (a person who pastes a
prepared text and sends at once) comes back with the text and a request to send again,
as an expired form does; it was refused and the text was lost."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.support.forms import form_settings
from tests.support.live import LiveServer

pytestmark = pytest.mark.browser

PREPARED = "Ik schreef dit eerst in mijn notities.\nNu plak ik het hier en verstuur ik meteen."


@pytest.fixture(scope="module")
def slow_server(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    settings = form_settings(
        tmp_path_factory.mktemp("fill-time"), site_dir, FORMHANDLER_MIN_FILL_SECONDS="60"
    )
    with LiveServer(settings) as server:
        yield server


@pytest.mark.parametrize(
    ("url", "notice"),
    [
        ("/contact/mail/", "Je bericht is nog niet verstuurd"),
        ("/kinderen/mail/", "Je bericht is nog niet verstuurd"),
        ("/en/contact/mail/", "Your message has not been sent yet"),
    ],
)
def test_a_pasted_message_sent_at_once_comes_back_with_its_text(
    browser: Browser, slow_server: LiveServer, url: str, notice: str
) -> None:
    context = browser.new_context(base_url=slow_server.url)
    page = context.new_page()
    page.goto(url)
    page.locator("textarea").first.fill(PREPARED)
    page.locator("input[name=antwoord_via][value=email]").check()  # shows the address field
    page.locator("input[type=email]").fill("iemand@example.org")
    with page.expect_navigation():
        page.locator("form.fh-form [type=submit]").click()
    summary = page.locator("[data-error-summary]")
    assert notice in summary.inner_text()
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert page.locator("textarea").first.input_value() == PREPARED
    assert page.locator("input[type=email]").input_value() == "iemand@example.org"
    context.close()
