"""The organisation map in Chromium: named region links, a visible focus, filters with and
without JavaScript. (axe, 320 px and other hosts: tests/browser/test_every_page.py.)"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from sitebuild.organisations import REGIONS, Organisation, load
from tests.browser.conftest import RequestLog
from tests.support.site import ROOT

pytestmark = pytest.mark.browser

FOCUS_FILL = "rgb(255, 212, 0)"


def organisations() -> list[Organisation]:
    return load(ROOT).organisations


def serving(region: str) -> set[str]:
    return {org.id for org in organisations() if org.serves(region)}


def shown_cards(page: Page) -> set[str]:
    return set(
        page.locator("[data-organisatie]:visible").evaluate_all(
            "cards => cards.map(card => card.dataset.organisatie)"
        )
    )


@pytest.fixture
def page_without_javascript(browser: Browser, live_server) -> Iterator[Page]:  # type: ignore[no-untyped-def]
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.request_log = RequestLog(urlsplit(live_server.url).netloc)  # type: ignore[attr-defined]
    context.route("**/*", page.request_log.route)  # type: ignore[attr-defined]
    yield page
    context.close()


def test_each_region_of_the_map_is_a_link_with_its_name(page: Page) -> None:
    page.goto("/organisaties/")
    drawing = page.locator("svg.org-kaart-tekening")
    assert drawing.get_by_role("link").count() == len(REGIONS)
    for slug, name in REGIONS.items():
        label = f"{name} ({len(serving(slug))} organisaties)"
        link = drawing.get_by_role("link", name=label, exact=True)
        assert link.count() == 1, label
        assert link.get_attribute("href") == f"{slug}/"
    assert page.request_log.foreign == []  # type: ignore[attr-defined]


def test_choosing_a_region_on_the_map_shows_the_organisations_serving_it(page: Page) -> None:
    page.goto("/organisaties/")
    page.locator("svg.org-kaart-tekening").get_by_role("link", name="Limburg", exact=False).click()
    page.wait_for_url("**/organisaties/limburg/")
    assert page.locator("h1").inner_text() == "Organisaties in Limburg"
    assert shown_cards(page) == serving("limburg")
    current = page.locator('svg.org-kaart-tekening a[aria-current="page"]')
    assert current.get_attribute("href") == "../limburg/"


def test_a_region_with_keyboard_focus_is_visibly_marked(page: Page) -> None:
    page.goto("/organisaties/")
    links = page.locator("svg.org-kaart-tekening a")
    shape = links.nth(1).locator("polygon")
    before = shape.evaluate("shape => getComputedStyle(shape).fill")
    links.nth(0).focus()
    page.keyboard.press("Tab")
    assert links.nth(1).evaluate("link => link === document.activeElement")
    after = shape.evaluate("shape => getComputedStyle(shape).fill")
    width = shape.evaluate("shape => getComputedStyle(shape).strokeWidth")
    assert before != FOCUS_FILL
    assert after == FOCUS_FILL
    assert width == "5px"


def test_without_javascript_the_filters_are_links_to_static_pages(
    page_without_javascript: Page,
) -> None:
    page = page_without_javascript
    page.goto("/organisaties/antwerpen/")
    assert not page.locator("[data-org-js-filter]").is_visible()
    page.locator('[data-org-filter="themas"]').get_by_role("link", name="Stalking").click()
    page.wait_for_url("**/organisaties/thema/stalking/")
    assert shown_cards(page) == {org.id for org in organisations() if "stalking" in org.themas}
    page.get_by_role("link", name="Brussel", exact=True).first.click()
    page.wait_for_url("**/organisaties/brussel/")
    assert shown_cards(page) == serving("brussel")
    assert page.request_log.foreign == []  # type: ignore[attr-defined]


def test_with_javascript_the_menus_filter_the_cards_on_the_page(page: Page) -> None:
    page.goto("/organisaties/antwerpen/")
    # A search landmark around the menus, not a form: nothing is sent, so no submit button
    # is missing (pa11y's "form without a submit button" on every organisation page).
    filters = page.locator("[data-org-js-filter]")
    expect(filters.get_by_role("search")).to_have_attribute("aria-label", re.compile("."))
    assert filters.locator("form").count() == 0
    page.get_by_role("combobox", name="Over welk soort geweld?").select_option("stalking")
    page.get_by_role("combobox", name="Wie ben je?").select_option("jongeren")
    expected = {
        org.id
        for org in organisations()
        if org.serves("antwerpen") and "stalking" in org.themas and "jongeren" in org.voor
    }
    assert expected
    assert shown_cards(page) == expected
    assert page.get_by_role("status").inner_text() == (
        f"{len(expected)} van {len(serving('antwerpen'))} organisaties getoond."
    )
    page.get_by_role("combobox", name="Wie ben je?").select_option("")
    page.get_by_role("combobox", name="Over welk soort geweld?").select_option("")
    assert shown_cards(page) == serving("antwerpen")


def test_in_french_the_map_the_menus_and_their_status_speak_french(page: Page) -> None:
    page.goto("/fr/organisaties/")
    drawing = page.locator("svg.org-kaart-tekening")
    label = f"Anvers ({len(serving('antwerpen'))} organisations)"
    drawing.get_by_role("link", name=label, exact=True).click()
    page.wait_for_url("**/fr/organisaties/antwerpen/")
    assert page.locator("h1").inner_text() == "Organisations dans la province d'Anvers"
    page.get_by_role("combobox", name="Quelle forme de violence\u00a0?").select_option("stalking")
    expected = {
        org.id for org in organisations() if org.serves("antwerpen") and "stalking" in org.themas
    }
    assert shown_cards(page) == expected
    assert page.get_by_role("status").inner_text() == (
        f"{len(expected)} organisations affichées sur {len(serving('antwerpen'))}."
    )
    assert page.request_log.foreign == []  # type: ignore[attr-defined]
