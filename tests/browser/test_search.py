"""Search is a page of each audience and language: it loads that audience and language's
index only when someone searches, finds pages of the same audience and language only, and
never puts the query in an address."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

SEARCH_PAGES = {
    "/": ("/zoeken/", "Waar zoek je naar?"),
    "/fr/": ("/fr/zoeken/", "Que cherchez-vous ?"),
    "/en/": ("/en/zoeken/", "What are you looking for?"),
    "/kinderen/": ("/kinderen/zoeken/", "Waar zoek je naar?"),
    "/jongeren/": ("/jongeren/zoeken/", "Waar zoek je naar?"),
}


def search(page: Page, root: str, query: str) -> list[str]:
    url, label = SEARCH_PAGES[root]
    page.goto(url)
    page.get_by_label(label).fill(query)
    page.keyboard.press("Enter")
    page.locator(".site-search__status").filter(has_text=query).wait_for(timeout=10_000)
    return page.locator(".site-search__results a").evaluate_all(
        "links => links.map(link => new URL(link.href).pathname)"
    )


@pytest.mark.parametrize(
    ("root", "query"),
    [
        ("/fr/", "plainte"),
        ("/en/", "complaint"),
        ("/kinderen/", "geheim"),
        ("/jongeren/", "sexting"),
        ("/", "stalking"),
    ],
)
def test_search_finds_pages_of_the_same_audience_and_language_only(
    page: Page, root: str, query: str
) -> None:
    found = search(page, root, query)
    assert found
    for path in found:
        assert path.startswith(root), path
        if root == "/":
            assert not path.startswith(("/fr/", "/en/", "/kinderen/", "/jongeren/")), path
    # The query stays out of the address (history, server logs).
    assert query not in page.url


def test_a_french_search_for_a_dutch_word_does_not_land_on_dutch_pages(page: Page) -> None:
    found = search(page, "/fr/", "partnergeweld")
    assert all(path.startswith("/fr/") for path in found), found


def test_words_typed_without_accents_find_words_with_them(page: Page) -> None:
    found = search(page, "/fr/", "reponse")
    assert found
    snippets = page.locator(".site-search__results p").all_inner_texts()
    assert any("réponse" in text.lower() for text in snippets), snippets


def test_a_result_leads_to_its_page(page: Page) -> None:
    search(page, "/kinderen/", "Awel")
    page.locator(".site-search__results a").first.click()
    assert page.url.split("#")[0].endswith("/kinderen/awel/")


def test_the_index_loads_only_when_someone_searches(page: Page) -> None:
    indexes: list[str] = []
    page.on("request", lambda r: indexes.append(r.url) if "search_index" in r.url else None)
    page.goto("/jongeren/", wait_until="networkidle")
    page.goto("/jongeren/zoeken/", wait_until="networkidle")
    assert indexes == []
    page.get_by_label("Waar zoek je naar?").fill("online")
    page.keyboard.press("Enter")
    page.locator(".site-search__results a").first.wait_for(timeout=10_000)
    assert [url.split("//", 1)[1].split("/", 1)[1] for url in indexes] == [
        "jongeren/search/search_index.json"
    ]


def test_every_page_links_to_its_search_page(page: Page) -> None:
    for root, (url, _) in SEARCH_PAGES.items():
        page.goto(root)
        href = page.locator(".site-header__search").get_attribute("href")
        assert page.evaluate("href => new URL(href, location).pathname", href) == url


def test_without_javascript_the_search_page_lists_every_page(browser: Browser, live_server) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/kinderen/zoeken/")
    assert not page.locator("form.site-search").is_visible()
    assert page.get_by_text("Zoeken werkt alleen met JavaScript").is_visible()
    links = page.locator("#inhoud ul a").evaluate_all(
        "links => links.map(link => new URL(link.href).pathname)"
    )
    assert "/kinderen/awel/" in links and "/kinderen/mail/" in links
    context.close()


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
    found = search(page, "/en/", query)
    assert expected in found, found
