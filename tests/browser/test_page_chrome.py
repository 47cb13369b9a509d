"""Issue 15, point 9: page titles neither cut nor doubled; navigation landmarks named in the
page's language; no empty table of contents; a visible focus on the language menu; no
sideways scroll at 375 px with text at 200 %."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.support.site import built_pages, page_url

pytestmark = pytest.mark.browser

SITE_NAMES = {
    "/fr/": "1712 – ligne d'aide pour les questions sur la violence, les abus et la "
    "maltraitance d'enfants",
    "/en/": "1712 – helpline for questions about violence, abuse and child abuse",
    "/kinderen/": "1712 voor kinderen",
    "/jongeren/": "1712 voor jongeren",
    "/": "1712 – hulplijn voor vragen over geweld, misbruik en kindermishandeling",
}
TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.DOTALL)
TAGS = re.compile(r"<[^>]+>")


def site_name(url: str) -> str:
    return next(name for root, name in SITE_NAMES.items() if url.startswith(root))


def test_every_page_title_is_its_heading_and_the_site_name_once(site_dir: Path) -> None:
    wrong = {}
    for path in built_pages(site_dir):
        url = page_url(site_dir, path)
        html = path.read_text(encoding="utf-8")
        title = " ".join(unescape(TITLE.search(html).group(1)).split())
        heading = " ".join(unescape(TAGS.sub("", H1.search(html).group(1))).split())
        name = site_name(url)
        expected = name if heading == name else f"{heading} - {name}"
        if title != expected:
            wrong[url] = title
    assert not wrong


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("url", ["/", "/organisaties/", "/fr/voor-wie/", "/jongeren/"])
def test_the_site_name_in_the_header_is_never_cut_off(
    browser: Browser,
    live_server,  # type: ignore[no-untyped-def]
    width: int,
    url: str,
) -> None:
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 800}
    )
    page = context.new_page()
    page.goto(url)
    home = page.locator(".site-header__home")
    assert home.evaluate("e => e.textContent.replace(/\\s+/g, ' ')").find(site_name(url)) >= 0
    name = page.locator(".site-header__name")
    clipped = name.evaluate(
        "e => getComputedStyle(e).textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth"
        " || (e.offsetWidth > 1 && e.scrollWidth > e.clientWidth + 1)"
    )
    assert not clipped
    context.close()


LANDMARKS = """() => [...document.querySelectorAll('nav, aside, [role=navigation]')].map(e => ({
  name: e.getAttribute('aria-label') ||
        (e.getAttribute('aria-labelledby') || '').split(' ')
          .map(id => document.getElementById(id)?.textContent.trim()).join(' ').trim(),
  links: e.querySelectorAll('a[href]').length,
  html: e.outerHTML.slice(0, 60),
}))"""
ENGLISH_DEFAULTS = {"Header", "Footer", "Navigation", "Table of contents"}


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/contact/mail/",
        "/geweld/stalking/",
        "/fr/contact/mail/",
        "/kinderen/mail/",
        "/jongeren/",
    ],
)
def test_landmarks_are_named_in_the_page_language_and_none_is_empty(page: Page, url: str) -> None:
    page.goto(url)
    landmarks = page.evaluate(LANDMARKS)
    unnamed = [m["html"] for m in landmarks if not m["name"]]
    english = [m["name"] for m in landmarks if m["name"] in ENGLISH_DEFAULTS]
    empty = [m["name"] or m["html"] for m in landmarks if m["links"] == 0]
    assert not unnamed
    assert not english
    assert not empty


def test_the_form_pages_have_no_table_of_contents(page: Page) -> None:
    for url in ("/contact/mail/", "/kinderen/mail/", "/jongeren/mail/", "/en/contact/klacht/"):
        page.goto(url)
        assert page.locator(".md-nav--secondary").count() == 0, url


FOCUS_RING = """(e) => {
  const s = getComputedStyle(e);
  const outline = s.outlineStyle !== 'none' ? parseFloat(s.outlineWidth) : 0;
  const ring = s.boxShadow !== 'none' ? 1 : 0;
  return {outline, ring, background: s.backgroundColor, underline: s.textDecorationLine};
}"""


def test_the_language_menu_shows_where_the_focus_is(page: Page) -> None:
    page.goto("/")
    button = page.get_by_role("button", name="Selecteer taal")
    button.focus()
    page.keyboard.press("Tab")  # the keyboard, so that :focus-visible applies
    page.keyboard.press("Shift+Tab")
    assert button.evaluate(FOCUS_RING)["outline"] >= 2
    for name in ("Nederlands", "Français", "English"):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent.trim()")
        assert focused == name
        style = page.evaluate(f"(() => ({FOCUS_RING}))()(document.activeElement)")
        assert style["outline"] >= 2, (name, style)


@pytest.mark.parametrize("url", ["/jongeren/", "/kinderen/", "/", "/fr/", "/jongeren/mail/"])
def test_no_sideways_scroll_at_375_px_with_text_at_200_percent(
    browser: Browser,
    live_server,  # type: ignore[no-untyped-def]
    url: str,
) -> None:
    context = browser.new_context(base_url=live_server.url, viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(url)
    # Text at 200 %: the browser's text size doubles everything set in rem and em.
    page.evaluate(
        "() => { const html = document.documentElement;"
        " html.style.fontSize = 2 * parseFloat(getComputedStyle(html).fontSize) + 'px'; }"
    )
    page.wait_for_timeout(100)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{overflow} px sideways"
    context.close()


@pytest.mark.parametrize("url", ["/contact/", "/fr/voor-wie/", "/kinderen/awel/"])
def test_the_previous_and_next_links_have_a_name_on_a_phone(page: Page, url: str) -> None:
    """At 320 px Material hides the previous page's title: the arrow alone had no name."""
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(url)
    links = page.locator(".md-footer__link")
    assert links.count() >= 1
    for index in range(links.count()):
        link = links.nth(index)
        name = link.evaluate("a => a.getAttribute('aria-label') || a.innerText.trim()")
        title = link.locator(".site-footer__page").text_content() or ""
        assert title.strip() and title.strip() in name, name
