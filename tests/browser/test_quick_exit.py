"""The quick exit leaves the site by keyboard, by Shift x3 and without JavaScript,
and Back does not return to the page it left."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, Route

from tests.browser.conftest import NEUTRAL_SITE_BODY

pytestmark = pytest.mark.browser

BEFORE = "/veilig-surfen/"
PAGES = ["/", "/fr/contact/", "/kinderen/", "/jongeren/online/", "/contact/mail/"]


def stand_in_for_neutral_site(page: Page) -> str:
    href = page.get_attribute("[data-quick-exit]", "href")
    assert href and href.startswith("https://")

    def answer(route: Route) -> None:
        route.fulfill(status=200, content_type="text/html", body=NEUTRAL_SITE_BODY)

    page.context.route(href.split("?")[0] + "**", answer)
    return href


@pytest.mark.parametrize("url", PAGES)
def test_tab_reaches_the_quick_exit_before_the_main_content(page: Page, url: str) -> None:
    page.goto(url)
    for _ in range(2):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => ({exit: document.activeElement.hasAttribute('data-quick-exit'),"
            " inMain: !!document.activeElement.closest('main')})"
        )
        assert not focused["inMain"]
        if focused["exit"]:
            return
    pytest.fail("the quick exit is not among the first two stops of the Tab key")


@pytest.mark.parametrize("url", PAGES)
def test_enter_on_the_quick_exit_leaves_and_back_does_not_return(page: Page, url: str) -> None:
    page.goto(BEFORE)
    page.goto(url)
    href = stand_in_for_neutral_site(page)
    page.focus("[data-quick-exit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == href
    page.go_back()
    assert page.url.endswith(BEFORE), "Back returned to the page that was left"


@pytest.mark.parametrize("url", PAGES)
def test_shift_three_times_leaves_and_back_does_not_return(page: Page, url: str) -> None:
    page.goto(BEFORE)
    page.goto(url)
    href = stand_in_for_neutral_site(page)
    with page.expect_navigation():
        for _ in range(3):
            page.keyboard.press("Shift")
    assert page.url == href
    page.go_back()
    assert page.url.endswith(BEFORE)


def test_another_key_between_shifts_resets_the_count(page: Page) -> None:
    page.goto("/")
    stand_in_for_neutral_site(page)
    for key in ["Shift", "Shift", "a", "Shift"]:
        page.keyboard.press(key)
    page.wait_for_timeout(300)
    assert page.url.endswith("/")


def test_the_page_goes_blank_at_once(page: Page) -> None:
    page.goto("/")
    href = stand_in_for_neutral_site(page)
    # Click and read in one go: what shows while the neutral site loads is blank.
    with page.expect_navigation():
        hidden = page.evaluate(
            "() => { document.querySelector('[data-quick-exit]').click();"
            " return document.body.style.visibility; }"
        )
    assert hidden == "hidden"
    assert page.url == href


def test_without_javascript_the_link_still_leaves(browser: Browser, live_server) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/kinderen/")
    href = stand_in_for_neutral_site(page)
    with page.expect_navigation():
        page.click("[data-quick-exit]")
    assert page.url == href
    context.close()
