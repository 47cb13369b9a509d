"""Issue 15, point 6: at 1280 px nothing covers a focused element (Material's sticky sidebar
title hid menu items when Shift+Tab went up through them), going forwards or backwards."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

# Where the centre of the focused element is, what the page shows there.
COVERED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const r = e.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return 'zero size: ' + e.outerHTML.slice(0, 80);
  const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(r.top + Math.min(r.height, 40) / 2, 0), innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  if (hit && (hit === e || e.contains(hit))) return '';
  const what = (e.textContent || e.tagName).trim().slice(0, 40);
  return what + ' under ' + (hit ? hit.outerHTML.slice(0, 80) : 'nothing');
}"""


def walk(page: Page, key: str, limit: int = 120) -> list[str]:
    covered = []
    seen = 0
    for _ in range(limit):
        page.keyboard.press(key)
        result = page.evaluate(COVERED)
        if result is None:
            break
        seen += 1
        if result:
            covered.append(result)
    assert seen > 10
    return covered


@pytest.fixture
def desktop(browser: Browser, live_server) -> Page:  # type: ignore[no-untyped-def]
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 720})
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("url", ["/contact/mail/", "/geweld/stalking/", "/jongeren/online/"])
def test_shift_tab_up_through_the_page_never_lands_under_something(desktop: Page, url: str) -> None:
    desktop.goto(url)
    desktop.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    desktop.locator(".md-copyright").click()  # start from the bottom of the page
    assert walk(desktop, "Shift+Tab") == []


@pytest.mark.parametrize("url", ["/contact/mail/", "/geweld/stalking/"])
def test_tab_down_through_the_page_never_lands_under_something(desktop: Page, url: str) -> None:
    desktop.goto(url)
    assert walk(desktop, "Tab") == []
