"""Issue 15, point 8: screen reader users hear the Shift x3 hint (they press Shift to pause
speech, so they must know three presses leave the page), and at 400 % zoom (a 320 x 256 view)
the quick exit covers little of the view and never the message a person types."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

HINTS = {"/": "Shift", "/fr/": "Maj", "/en/": "Shift", "/kinderen/mail/": "Shift"}


@pytest.mark.parametrize("url", list(HINTS))
@pytest.mark.parametrize("width", [375, 1280])
def test_the_shift_hint_is_part_of_what_a_screen_reader_says_for_the_quick_exit(
    browser: Browser,
    live_server,  # type: ignore[no-untyped-def]
    url: str,
    width: int,
) -> None:
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 800}
    )
    page = context.new_page()
    page.goto(url)
    link = page.locator("[data-quick-exit]")
    expect(link).to_have_accessible_description(re.compile(rf"3 .*{HINTS[url]}|{HINTS[url]} 3"))
    context.close()


def test_a_first_shift_tells_how_many_more_presses_leave(page: Page) -> None:
    page.goto("/")
    status = page.locator("[data-quick-exit-status]")
    page.keyboard.press("Shift")
    expect(status).to_have_text("Druk nog 2 keer op Shift om deze website te verlaten.")
    page.keyboard.press("a")
    expect(status).to_have_text("")
    assert page.url.endswith("/")


def overlap(a: dict, b: dict) -> float:
    width = min(a["x"] + a["width"], b["x"] + b["width"]) - max(a["x"], b["x"])
    height = min(a["y"] + a["height"], b["y"] + b["height"]) - max(a["y"], b["y"])
    return max(width, 0) * max(height, 0)


@pytest.mark.parametrize("url", ["/contact/mail/", "/kinderen/mail/", "/en/contact/mail/"])
def test_at_400_percent_zoom_the_quick_exit_is_small_and_off_the_message_box(
    browser: Browser,
    live_server,  # type: ignore[no-untyped-def]
    url: str,
) -> None:
    view = {"width": 320, "height": 256}
    context = browser.new_context(base_url=live_server.url, viewport=view)
    page = context.new_page()
    page.goto(url)
    box = page.locator("textarea").first
    box.click()
    for line in range(12):
        page.keyboard.type(f"Regel {line} van wat ik wil vertellen.")
        page.keyboard.press("Enter")
    exit_box = page.locator("[data-quick-exit]").bounding_box()
    message = page.locator("textarea").first.bounding_box()
    assert exit_box and message
    visible = {"x": 0, "y": 0, **view}
    share = overlap(exit_box, visible) / (view["width"] * view["height"])
    assert share < 0.08, f"the quick exit covers {share:.0%} of the view"
    assert overlap(exit_box, message) == 0, (exit_box, message)
    context.close()
