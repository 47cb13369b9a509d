"""Search in the browser stays within the visitor's audience and language."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser


def results(page: Page, url: str, query: str) -> list[str]:
    page.goto(url)
    page.click(".md-search__input")
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item a", timeout=10_000)
    return page.locator(".md-search-result__item a").evaluate_all(
        "links => links.map(link => new URL(link.href).pathname)"
    )


@pytest.mark.parametrize(
    ("url", "query", "prefix"),
    [
        ("/fr/", "plainte", "/fr/"),
        ("/en/", "complaint", "/en/"),
        ("/kinderen/", "geheim", "/kinderen/"),
        ("/jongeren/", "sexting", "/jongeren/"),
        ("/", "stalking", "/"),
    ],
)
def test_search_finds_pages_of_the_same_audience_and_language_only(
    page: Page, url: str, query: str, prefix: str
) -> None:
    found = results(page, url, query)
    assert found
    for path in found:
        assert path.startswith(prefix), path
        if prefix == "/":
            assert not path.startswith(("/fr/", "/en/", "/kinderen/", "/jongeren/")), path


def test_a_french_search_for_a_dutch_word_does_not_land_on_dutch_pages(page: Page) -> None:
    page.goto("/fr/")
    page.click(".md-search__input")
    page.keyboard.type("partnergeweld")
    page.wait_for_timeout(1500)
    found = page.locator(".md-search-result__item a").evaluate_all(
        "links => links.map(link => new URL(link.href).pathname)"
    )
    assert all(path.startswith("/fr/") for path in found), found


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("neglect", "/en/geweld/kindermishandeling/"),
        ("stalking", "/en/geweld/stalking/"),
        ("annual report", "/en/over-1712/"),
    ],
)
def test_an_english_search_finds_the_english_pages_on_forms_of_violence(
    page: Page, query: str, expected: str
) -> None:
    found = results(page, "/en/", query)
    assert expected in found, found
