"""The safety plan prints as a checklist: boxes to tick with a pen, each list whole on one
sheet under its heading, and nothing of the screen furniture (quick exit, menus, search)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

PAGES = ["/geweld/veiligheidsplan/", "/fr/geweld/veiligheidsplan/", "/en/geweld/veiligheidsplan/"]
# An A4 sheet at 96 px per inch, less Chromium's default print margins of about 1 cm.
SHEET_WIDTH, SHEET_HEIGHT = 794 - 2 * 38, 1123 - 2 * 38


@pytest.mark.parametrize("url", PAGES)
def test_the_safety_plan_prints_as_a_checklist(page: Page, url: str) -> None:
    page.set_viewport_size({"width": SHEET_WIDTH, "height": SHEET_HEIGHT})
    page.goto(url)
    page.emulate_media(media="print")
    lists = page.evaluate(
        """() => [...document.querySelectorAll('article .checklist')].map(list => {
            const items = [...list.querySelectorAll('li')];
            const box = getComputedStyle(items[0], '::before');
            const heading = list.previousElementSibling;
            return {
                items: items.length,
                fields: list.querySelectorAll('input, select, textarea').length,
                boxBorder: parseFloat(box.borderTopWidth),
                boxWidth: parseFloat(box.width),
                breakInside: getComputedStyle(list).breakInside,
                headingBefore: heading && heading.tagName,
                headingBreakAfter: heading && getComputedStyle(heading).breakAfter,
                height: list.getBoundingClientRect().height
                    + (heading ? heading.getBoundingClientRect().height : 0),
            };
        })"""
    )
    assert len(lists) == 2
    for checklist in lists:
        assert checklist["items"] >= 8
        assert checklist["fields"] == 0  # ticks live on paper, never in the browser
        assert checklist["boxBorder"] >= 1 and checklist["boxWidth"] >= 10
        assert checklist["breakInside"] == "avoid"
        assert checklist["headingBefore"] == "H2"
        assert checklist["headingBreakAfter"] == "avoid"
        assert checklist["height"] < SHEET_HEIGHT  # so "avoid" can keep it on one sheet


@pytest.mark.parametrize("url", PAGES[:1])
def test_printing_leaves_out_the_quick_exit_and_the_menus(page: Page, url: str) -> None:
    page.goto(url)
    page.emulate_media(media="print")
    for selector in ("[data-quick-exit]", ".md-header", ".md-sidebar--primary", ".md-search"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator("article h1").is_visible()
    # The help for when 1712 is closed stays on paper, in one piece.
    closed = page.locator(".closed-hours")
    assert closed.is_visible()
    assert closed.evaluate("el => getComputedStyle(el).breakInside") == "avoid"
