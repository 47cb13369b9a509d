"""Issue 15, point 7: the character counter is tied to the message field (aria-describedby)
and a slow typist (600 ms a key) hears the count once, after a pause, not after every key."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

RECORD = """() => {
  window.__spoken = [];
  for (const region of document.querySelectorAll('[aria-live]')) {
    if (region.closest('.quick-exit')) continue;
    new MutationObserver(() => {
      if (region.textContent.trim()) window.__spoken.push(region.textContent.trim());
    }).observe(region, {childList: true, characterData: true, subtree: true});
  }
}"""


@pytest.mark.parametrize("url", ["/contact/mail/", "/kinderen/mail/"])
def test_the_counter_describes_the_field(page: Page, url: str) -> None:
    page.goto(url, wait_until="networkidle")
    area = page.locator("textarea").first
    ids = (area.get_attribute("aria-describedby") or "").split()
    counters = [i for i in ids if page.locator(f"#{i}.fh-count").count() == 1]
    assert counters, ids
    area.fill("Hallo")
    assert str(8000 - 5) in page.locator(f"#{counters[0]}").inner_text()


def test_a_slow_typist_hears_the_count_once_after_a_pause(page: Page) -> None:
    page.goto("/contact/mail/", wait_until="networkidle")
    page.evaluate(RECORD)
    area = page.locator("textarea").first
    area.click()
    text = "Mijn buurman roept vaak"  # 23 characters, 600 ms apart
    area.press_sequentially(text, delay=600)
    assert page.evaluate("window.__spoken") == [], "spoken while typing"
    page.wait_for_timeout(2500)
    spoken = page.evaluate("window.__spoken")
    assert len(spoken) == 1, spoken
    assert str(8000 - len(text)) in spoken[0]
