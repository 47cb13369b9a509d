"""The forms in Chromium: axe on the empty form, the errors and the confirmation; keyboard
alone; JavaScript off."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from tests.browser.conftest import RequestLog
from tests.browser.test_every_page import AXE, WCAG_TAGS
from tests.support.forms import form_settings
from tests.support.live import LiveServer

pytestmark = pytest.mark.browser

FORM_PAGES = [
    "/contact/mail/",
    "/fr/contact/mail/",
    "/en/contact/mail/",
    "/kinderen/mail/",
    "/jongeren/mail/",
    "/contact/klacht/",
    "/fr/contact/klacht/",
    "/en/contact/klacht/",
]


@pytest.fixture(scope="module")
def forms_server(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    settings = form_settings(
        tmp_path_factory.mktemp("browser-forms"),
        site_dir,
        FORMHANDLER_MIN_FILL_SECONDS="1",
        FORMHANDLER_RATE_LIMIT="1000/600",
    )
    with LiveServer(settings) as server:
        yield server


def new_context(browser: Browser, server: LiveServer, **options: object) -> BrowserContext:
    context = browser.new_context(base_url=server.url, **options)  # type: ignore[arg-type]
    log = RequestLog(server.url.split("//", 1)[1])
    context.route("**/*", log.route)
    context.request_log = log  # type: ignore[attr-defined]
    return context


@pytest.fixture
def context(browser: Browser, forms_server: LiveServer) -> Iterator[BrowserContext]:
    context = new_context(browser, forms_server)
    yield context
    assert not context.request_log.foreign  # type: ignore[attr-defined]
    context.close()


def violations(page: Page) -> list[str]:
    result = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    found = []
    for violation in result.response["violations"]:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:3]]
        found.append(f"{violation['id']}: {violation['help']} at {targets}")
    return found


def overflow_at_320(page: Page) -> int:
    page.set_viewport_size({"width": 320, "height": 640})
    page.wait_for_timeout(50)
    width = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    page.set_viewport_size({"width": 1280, "height": 900})
    return int(width)


def send_empty(page: Page) -> None:
    page.wait_for_timeout(1100)  # the minimum fill time
    with page.expect_navigation():
        page.click("button.fh-submit")
    page.wait_for_load_state("networkidle")


def fill_and_send(page: Page) -> None:
    if page.locator("#f-bericht").count():
        page.fill("#f-bericht", "Ik wil graag iets vragen.")
    by_email = page.locator("input[name=antwoord_via][value=email]")
    if by_email.count():
        by_email.check()  # with JavaScript, the address field shows only then
    page.fill("#f-email", "iemand@example.org")
    page.wait_for_timeout(1100)
    with page.expect_navigation():
        page.click("button.fh-submit")
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("url", FORM_PAGES)
def test_empty_form_errors_and_confirmation_pass_axe(context: BrowserContext, url: str) -> None:
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    assert violations(page) == []
    assert overflow_at_320(page) <= 0

    send_empty(page)
    assert page.locator("[data-error-summary]").count() == 1
    assert page.title().split(" ", 1)[0] in ("Fout:", "Erreur", "Error:")
    assert violations(page) == []
    assert overflow_at_320(page) <= 0

    if "klacht" in url:
        page.fill("#f-wat", "Niemand nam op.")
        page.fill("#f-wanneer", "maandag")
        page.check("#f-kanaal")
    fill_and_send(page)
    assert page.locator(".fh-panel__reference").count() == 1, page.content()[:500]
    assert violations(page) == []
    assert overflow_at_320(page) <= 0


def focused(page: Page) -> dict[str, object]:
    return page.evaluate(
        "() => ({id: document.activeElement.id, tag: document.activeElement.tagName,"
        " summary: document.activeElement.hasAttribute('data-error-summary'),"
        " submit: document.activeElement.classList.contains('fh-submit')})"
    )


def tab_to(page: Page, wanted: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = focused(page)
        if state["id"] == wanted or (wanted == "submit" and state["submit"]):
            return
    pytest.fail(f"Tab never reached {wanted}")


def test_the_mail_form_can_be_filled_and_sent_with_the_keyboard_alone(
    context: BrowserContext,
) -> None:
    page = context.new_page()
    page.goto("/contact/mail/", wait_until="networkidle")

    tab_to(page, "submit")
    page.wait_for_timeout(1100)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_load_state("networkidle")
    assert focused(page)["summary"], "the error summary takes focus"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the first link in the summary leads to its field
    assert focused(page)["id"] == "f-bericht"

    page.keyboard.type("Ik wil iets vragen over mijn buurkinderen.")
    tab_to(page, "f-antwoord_via")
    page.keyboard.press("ArrowDown")  # from "on the site" to "by e-mail": its field shows
    assert focused(page)["id"] == "f-antwoord_via-2"
    tab_to(page, "f-email")
    page.keyboard.type("iemand@example.org")
    tab_to(page, "f-regio")
    page.keyboard.press("ArrowDown")  # radios move with the arrow keys
    tab_to(page, "f-bevestiging")
    page.keyboard.press("Space")
    tab_to(page, "submit")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Je bericht is verstuurd"
    assert page.locator(".fh-panel__reference").inner_text().strip().isalnum()


# Each answer choice, the groups it shows, and whether each is required once shown.
ANSWER_GROUPS = {
    "site": {"#f-codewoord-group": True},
    "email": {"#f-email-group": True},
    "telefoon": {"#f-telefoon-group": True, "#f-belmomenten-group": False},
}
GROUPS = {
    group: required for groups in ANSWER_GROUPS.values() for group, required in groups.items()
}


def _shown_and_required(page: Page) -> dict[str, tuple[bool, bool]]:
    return {
        group: (
            page.locator(group).is_visible(),
            page.locator(f"{group} input").evaluate("field => field.required"),
        )
        for group in GROUPS
    }


@pytest.mark.parametrize("url", ["/contact/mail/", "/kinderen/mail/", "/en/contact/mail/"])
def test_each_answer_field_shows_under_its_own_choice(context: BrowserContext, url: str) -> None:
    """GOV.UK's conditional reveal: with JavaScript, a field shows (and is required) only
    under its choice; the radio names the part it controls."""
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    assert _shown_and_required(page) == {group: (False, False) for group in GROUPS}
    for choice, groups in ANSWER_GROUPS.items():
        radio = page.locator(f"input[name=antwoord_via][value={choice}]")
        assert radio.get_attribute("aria-controls") == " ".join(g[1:] for g in groups)
        radio.check()
        assert _shown_and_required(page) == {
            group: (group in groups, group in groups and required)
            for group, required in GROUPS.items()
        }
    # From the top: axe's target-size counts a menu link scrolled under the sticky header
    # (where nobody can click it) as a target too small.
    page.evaluate("window.scrollTo(0, 0)")
    assert violations(page) == []


def test_without_javascript_every_answer_field_shows_and_none_is_required(
    browser: Browser, forms_server: LiveServer
) -> None:
    context = new_context(browser, forms_server, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/jongeren/mail/")
        assert _shown_and_required(page) == {group: (True, False) for group in GROUPS}
        # Each label says which answer its field is for.
        assert "als je ons antwoord per mail wil" in page.locator("label[for=f-email]").inner_text()
    finally:
        context.close()


def test_the_counter_shows_what_is_left_while_typing(context: BrowserContext) -> None:
    page = context.new_page()
    page.goto("/contact/mail/", wait_until="networkidle")
    counter = page.locator("#f-bericht-count")
    assert counter.inner_text() == "Je kan nog 8000 tekens schrijven"
    page.fill("#f-bericht", "Hallo")
    page.wait_for_timeout(600)
    assert counter.inner_text() == "Je kan nog 7995 tekens schrijven"
    # The visible count describes the field; a screen reader hears it after a pause, from a
    # separate live region (tests/browser/test_counter.py).
    assert "f-bericht-count" in (page.get_attribute("#f-bericht", "aria-describedby") or "")
    assert counter.get_attribute("aria-live") is None
    assert page.locator("[data-count-live]").get_attribute("aria-live") == "polite"


def test_the_form_works_with_javascript_off(browser: Browser, forms_server: LiveServer) -> None:
    context = new_context(browser, forms_server, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/kinderen/mail/")
        send_empty(page)
        assert "Kijk dit nog even na" in page.content()
        assert page.locator("#f-bericht-count").count() == 0  # no script, no counter
        fill_and_send(page)
        assert page.locator("h1").inner_text() == "Je bericht is verstuurd"
        assert not context.request_log.foreign  # type: ignore[attr-defined]
    finally:
        context.close()
