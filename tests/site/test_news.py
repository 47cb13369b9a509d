"""News on the built site: the list on /nieuws/, each item's page with its period, and no
news item on the French or English site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitebuild import news
from tests.support.html import scan
from tests.support.site import built_pages

ROOT = Path(__file__).resolve().parents[2]


def site_part(site: Path, page: Path) -> str:
    first = page.relative_to(site).parts[0]
    return first if first in ("fr", "en", "kinderen", "jongeren") else "nl"


@pytest.mark.build
def test_the_news_page_lists_every_item_newest_first_in_sections_per_year(
    site_dir: Path,
) -> None:
    items, _ = news.load_items(ROOT)
    html = (site_dir / "nieuws" / "index.html").read_text(encoding="utf-8")
    listed = re.findall(r'<h3 id="[^"]*"><a href="([^"]+)/">', html)
    assert listed == [item.slug for item in items]
    assert [item.date for item in items] == sorted((item.date for item in items), reverse=True)
    years = re.findall(r'<h2 id="jaar-(\d{4})">', html)
    assert years == sorted({str(item.date.year) for item in items}, reverse=True)
    # every item sits under the heading of its own year
    for item in items:
        section = html.split(f'<h2 id="jaar-{item.date.year}">')[1].split("<h2")[0]
        assert f'href="{item.slug}/"' in section


@pytest.mark.build
def test_the_archive_holds_the_real_campaigns_with_their_periods(site_dir: Path) -> None:
    expected = {
        "2017-06-partnergeweld-bij-ouderen": "Campagne van 1 juni 2017 tot en met 30 juni 2017",
        "2017-11-1712-op-de-bussen-van-de-lijn": (
            "Campagne van 28 november 2017 tot en met 11 december 2017"
        ),
        "2019-11-is-t-oke": "Campagne van 1 november 2019 tot en met 30 november 2019",
        "2020-02-als-je-eens-wist": "Campagne van 11 februari 2020 tot en met 10 maart 2020",
        "2020-03-sport-en-cultuur": "Campagne van 15 april 2020 tot en met 20 juni 2020",
    }
    for slug, period in expected.items():
        page = scan(site_dir / "nieuws" / slug / "index.html")
        assert period in page.text, slug
        assert len(page.all("h1")) == 1, slug


@pytest.mark.build
def test_news_is_dutch_only_and_never_reaches_the_french_or_english_site(site_dir: Path) -> None:
    # /fr/nieuws/ (and /en/nieuws/) may only be the page that says news is Dutch: no item.
    for language in ("fr", "en"):
        built = sorted((site_dir / language).glob("nieuws/**/*.html"))
        assert built in ([], [site_dir / language / "nieuws" / "index.html"]), built
    for page in built_pages(site_dir):
        if site_part(site_dir, page) in ("fr", "en"):
            hrefs = [e.attrs.get("href", "") for e in scan(page).all("a")]
            assert not [h for h in hrefs if "nieuws/20" in h], page


@pytest.mark.build
def test_the_english_news_page_says_that_news_is_in_dutch_and_leads_to_it(site_dir: Path) -> None:
    page = scan(site_dir / "en" / "nieuws" / "index.html")
    assert page.lang == "en"
    assert "news items and campaigns are published in Dutch only" in page.text
    to_dutch_news = [a for a in page.all("a") if a.attrs.get("href") == "/nieuws/"]
    assert to_dutch_news
    assert all(a.attrs.get("hreflang") == "nl" for a in to_dutch_news)
