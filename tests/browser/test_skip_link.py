"""Issue 15, point 5: the skip link of a home page lands before the ways to reach 1712 (call,
chat, mail), not past them; on other pages it lands at the page's content."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser


def skip(page: Page, url: str) -> str:
    """Follow the skip link with the keyboard; returns the label of the next Tab stop."""
    page.goto(url)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return (e.closest('.reach') ? 'reach:' : '') + e.textContent.trim(); }"
    )


@pytest.mark.parametrize("url", ["/", "/fr/", "/en/", "/kinderen/", "/jongeren/"])
def test_on_a_home_page_the_next_stop_after_the_skip_link_is_the_phone_number(
    page: Page, url: str
) -> None:
    assert skip(page, url) == "reach:1712"


@pytest.mark.parametrize(
    ("url", "first"),
    # The mail page's first link leads to where the answer on the site is read (issue 12).
    [("/contact/mail/", "Antwoord lezen"), ("/kinderen/awel/", None)],
)
def test_on_other_pages_the_skip_link_lands_in_the_content(
    page: Page, url: str, first: str | None
) -> None:
    label = skip(page, url)
    in_content = page.evaluate("!!document.activeElement.closest('#inhoud')")
    assert in_content, label
    if first:
        assert label == first
