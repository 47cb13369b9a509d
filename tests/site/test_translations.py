"""Every adult Dutch page has a French and an English version, in that language's menu and
search (issue 14, part 2).

The pages come from the built site, so a Dutch page added later without its translations
makes the test fail and names it. Two kinds of Dutch pages are left out, each on purpose:

- news items (`/nieuws/<item>/`): news stays Dutch; `/fr/nieuws/` and `/en/nieuws/` say so
  (EDITING.md, "Een nieuwsbericht");
- the organisation pages that hooks/organisations.py generates from data/organisaties.yml
  (one per region, group and theme, under `/organisaties/`): they have no Markdown file
  to translate, and their French and English versions are being made in the generator,
  outside the content pages. Only pages under `/organisaties/` may be left out this way:
  a page without a source elsewhere fails the test.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.support.site import ROOT, page_url

OTHER_SITES = ("fr", "en", "kinderen", "jongeren")
NEWS_ITEMS = sorted(
    path.stem
    for path in (ROOT / "docs" / "nieuws").glob("*.md")
    if not re.fullmatch(r"index(\.[a-z]{2})?", path.stem)
)


def dutch_adult_pages(site: Path) -> list[str]:
    """URL paths ('geweld/stalking/') of the built Dutch adult pages, without the 404."""
    found = []
    for path in sorted(site.rglob("index.html")):
        relative = path.relative_to(site)
        if relative.parts[0] in OTHER_SITES or relative.parts[0] == "search":
            continue
        found.append(page_url(site, path).lstrip("/"))
    return found


def markdown_source(url: str) -> Path | None:
    """The Dutch Markdown file a page is built from, or None for a generated page."""
    stem = url.rstrip("/") or "index"
    for candidate in (ROOT / "docs" / f"{stem}.md", ROOT / "docs" / stem / "index.md"):
        if candidate.is_file():
            return candidate
    return None


def pages_to_translate(site: Path) -> list[str]:
    pages = []
    for url in dutch_adult_pages(site):
        if url.startswith("nieuws/") and url.strip("/").split("/")[-1] in NEWS_ITEMS:
            continue  # news items stay Dutch
        if markdown_source(url) is None:
            assert url.startswith("organisaties/"), (
                f"/{url} is generated, but not an organisation page"
            )
            continue  # generated organisation pages: translated in the generator
        pages.append(url)
    return pages


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_adult_dutch_page_has_a_built_translation(site_dir: Path, language: str) -> None:
    pages = pages_to_translate(site_dir)
    assert len(pages) >= 20, f"only {len(pages)} Dutch pages found: the scan is wrong"
    missing = [
        f"/{url}" for url in pages if not (site_dir / language / url / "index.html").is_file()
    ]
    assert not missing, f"no /{language}/ version of {len(missing)} pages: {missing}"


def test_the_exclusions_leave_out_only_news_items_and_generated_organisation_pages(
    site_dir: Path,
) -> None:
    left_out = sorted(set(dutch_adult_pages(site_dir)) - set(pages_to_translate(site_dir)))
    news = [url for url in left_out if url.startswith("nieuws/")]
    organisations = [url for url in left_out if url.startswith("organisaties/")]
    assert sorted(news + organisations) == left_out
    assert len(news) == len(NEWS_ITEMS) > 0
    assert "organisaties/" not in organisations, "the overview has a Markdown page to translate"


def nav_links(site: Path, language: str) -> set[str]:
    """Every page the language's menu links to, as URL paths under /<language>/."""
    home = site / language / "index.html"
    hrefs = re.findall(r'<a href="([^"#]*)"[^>]*class="site-nav__link', home.read_text("utf-8"))
    return {urljoin(f"/{language}/", href) for href in hrefs}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_translated_page_is_in_the_menu_of_its_language(
    site_dir: Path, language: str
) -> None:
    menu = nav_links(site_dir, language)
    pages = [page_url(site_dir, path) for path in sorted((site_dir / language).rglob("index.html"))]
    pages = [url for url in pages if not url.startswith(f"/{language}/search/")]
    # The search page itself is left out of the index (search: exclude).
    pages = [url for url in pages if url != f"/{language}/zoeken/"]
    # The generated region, group and theme pages are reached from the organisation
    # overview (which is in the menu), as in Dutch: the menu would drown in them.
    generated = f"/{language}/organisaties/"
    pages = [url for url in pages if not (url.startswith(generated) and url != generated)]
    missing = [url for url in pages if url not in menu]
    assert not missing, f"not in the /{language}/ menu: {missing}"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_translated_page_is_in_the_search_index_of_its_language(
    site_dir: Path, language: str
) -> None:
    index = json.loads((site_dir / language / "search" / "search_index.json").read_text("utf-8"))
    assert index["config"]["lang"] == [language]
    found = {f"/{language}/" + doc["location"].split("#")[0] for doc in index["docs"]}
    pages = [page_url(site_dir, path) for path in sorted((site_dir / language).rglob("index.html"))]
    pages = [url for url in pages if not url.startswith(f"/{language}/search/")]
    # The search page itself is left out of the index (search: exclude).
    pages = [url for url in pages if url != f"/{language}/zoeken/"]
    missing = [url for url in pages if url not in found]
    assert not missing, f"not in the /{language}/ search index: {missing}"


@pytest.mark.parametrize("language", ["fr"])
def test_the_news_page_of_a_translation_says_news_is_in_dutch(
    site_dir: Path, language: str
) -> None:
    page = (site_dir / language / "nieuws" / "index.html").read_text("utf-8")
    article = re.search(r"<article\b.*?</article>", page, re.DOTALL)
    assert article
    words = {"fr": "uniquement en néerlandais", "en": "only in Dutch"}[language]
    assert words in article.group(0), f"/{language}/nieuws/ does not say news is Dutch"
    # The note leads to the Dutch list, never to an item.
    links = re.findall(r'<a href="([^"]+)"[^>]*hreflang="nl"', article.group(0))
    assert "/nieuws/" in links
    assert not [link for link in links if re.search(r"nieuws/\d{4}", link)]
