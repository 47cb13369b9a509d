"""Issue 15, point 1: on a phone (375 px) the keyboard reaches a named menu button and a named
search link, the closed menu's links are not in the Tab order, and no stop is off-screen or
an invisible container."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 700}
INTERACTIVE = {"A", "BUTTON", "INPUT", "SELECT", "TEXTAREA", "SUMMARY"}

STOP = """() => {
  const e = document.activeElement;
  const r = e.getBoundingClientRect();
  return {
    tag: e.tagName,
    text: (e.getAttribute('aria-label') || e.textContent || '').trim().replace(/\\s+/g, ' '),
    inDrawer: !!e.closest('#site-nav'),
    onScreen: r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth,
    body: e === document.body,
  };
}"""


def focus_stops(page: Page, limit: int = 150) -> list[dict]:
    """Every Tab stop from the top of the page until focus leaves the page."""
    page.evaluate("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur()")
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(STOP)
        if stop["body"] or (stops and stop == stops[0]):
            break
        stops.append(stop)
    return stops


def describe(stops: list[dict]) -> list[str]:
    return [f"{s['tag']} {s['text'][:40]!r}" for s in stops]


@pytest.fixture
def phone(browser: Browser, live_server) -> Page:  # type: ignore[no-untyped-def]
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/contact/mail/",
        "/fr/",
        "/kinderen/",
        "/jongeren/mail/",
        # This round's new pages: the chat pages (issue 13) and the pickup pages (issue 12).
        "/chat/",
        "/kinderen/chat/",
        "/en/chat/",
        "/contact/antwoord/",
        "/kinderen/antwoord/",
    ],
)
def test_every_tab_stop_is_on_screen_and_none_is_in_the_closed_menu(phone: Page, url: str) -> None:
    phone.goto(url)
    stops = focus_stops(phone)
    assert len(stops) > 5, describe(stops)
    off_screen = [s for s in stops if not s["onScreen"]]
    in_closed_menu = [s for s in stops if s["inDrawer"]]
    not_interactive = [s for s in stops if s["tag"] not in INTERACTIVE]
    assert not off_screen, describe(off_screen)
    assert not in_closed_menu, describe(in_closed_menu)
    assert not not_interactive, describe(not_interactive)


@pytest.mark.parametrize(
    ("url", "menu", "search"),
    [("/", "Menu", "Zoeken"), ("/fr/", "Menu", "Rechercher"), ("/kinderen/", "Menu", "Zoeken")],
)
def test_the_menu_button_and_the_search_link_are_named_and_reached_by_tab(
    phone: Page, url: str, menu: str, search: str
) -> None:
    phone.goto(url)
    button = phone.get_by_role("button", name=menu, exact=True)
    link = phone.get_by_role("link", name=search, exact=True)
    assert button.count() == 1 and link.count() == 1
    assert button.get_attribute("aria-expanded") == "false"
    texts = [s["text"] for s in focus_stops(phone)[:12]]
    assert menu in texts and search in texts, texts


def test_the_menu_opens_with_the_keyboard_its_links_follow_and_escape_closes_it(
    phone: Page,
) -> None:
    phone.goto("/contact/mail/")
    button = phone.get_by_role("button", name="Menu", exact=True)
    button.focus()
    phone.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    phone.keyboard.press("Tab")
    first = phone.evaluate(STOP)
    assert first["inDrawer"] and first["onScreen"], first
    nav = phone.get_by_role("navigation", name="Hoofdmenu")
    current = nav.locator("[aria-current=page]")
    assert current.inner_text() == "Mail 1712"
    phone.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert phone.evaluate("document.activeElement.hasAttribute('aria-expanded')")
    assert not phone.locator("#site-nav").is_visible()


def test_without_javascript_the_menu_link_opens_the_menu(browser: Browser, live_server) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(
        base_url=live_server.url, viewport=PHONE, java_script_enabled=False
    )
    page = context.new_page()
    page.goto("/jongeren/")
    assert not page.locator("#site-nav").is_visible()
    page.get_by_role("link", name="Menu", exact=True).click()
    assert page.locator("#site-nav").is_visible()
    assert page.get_by_role("link", name="Mail 1712").first.is_visible()
    context.close()
