"""The adult pages of issue 14, part 3, in the built site.

Each new topic page is built in Dutch, French and English from its own source (the
title a reader sees is that language's), sits in that language's navigation and in
that language's search index. And every adult page that speaks of suicide or
self-harm, new or old, in any language, points to the suicide line 1813.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.support.site import ROOT, built_pages, page_url

LANGUAGES = ("nl", "fr", "en")
# The new pages, as their Dutch source under docs/ (without .md).
NEW_PAGES = (
    "geweld/eergerelateerd-geweld",
    "geweld/na-seksueel-geweld",
    "geweld/veiligheidsplan",
    "geweld/stoppen-met-geweld",
    "geweld/misbruik-in-het-verleden",
    "geweld/als-je-kind-iets-vertelt",
    "professionals",
)
SUICIDE_LINE = "1813"

# Words for suicide, self-harm or a threat of it, in the three languages.
SELF_HARM = re.compile(
    r"zelfmoord|zelfdoding|su[iï]cid"
    r"|\b(?:zich|je|jij|mij|me)zelf\s+(?:iets|pijn)\s+(?:aan\s+te\s+doen|aandoen|aan\s+doen)"
    r"|zelfverwond|zelfbeschadig"
    r"|\b(?:se|vous|te|me)\s+faire\s+du\s+mal|automutil|mettre\s+fin\s+à\s+(?:ses|vos|tes|mes)\s+jours"
    r"|self-harm|\b(?:harm|harming|kill|killing)\s+(?:yourself|themselves|himself|herself|myself)"
    r"|take\s+(?:their|your|his|her|my)\s+own\s+life",
    re.IGNORECASE,
)


def url_of(page: str, language: str) -> str:
    prefix = "" if language == "nl" else f"{language}/"
    return f"/{prefix}{page}/"


def source_of(page: str, language: str) -> Path:
    suffix = ".md" if language == "nl" else f".{language}.md"
    return ROOT / "docs" / f"{page}{suffix}"


def source_title(page: str, language: str) -> str:
    """The page's title as its writer put it: the one '# ' heading of that language's file."""
    for line in source_of(page, language).read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    raise AssertionError(f"{source_of(page, language)} has no '# ' heading")


class _Reader(HTMLParser):
    """The h1, the article's text and links, and the links of the primary navigation."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.h1: list[str] = []
        self.article: list[str] = []
        self.article_links: list[str] = []
        self.nav_links: list[str] = []
        self._in_h1 = False
        self._article = 0
        self._nav_depth = 0  # depth of <nav> elements, counted from the primary nav
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if tag in ("script", "style"):
            self._skip += 1
        if tag == "h1":
            self._in_h1 = True
            self.h1.append("")
        if tag == "article":
            self._article += 1
        primary = "site-nav" in values.get("class", "").split()
        if tag == "nav" and (self._nav_depth or primary):
            self._nav_depth += 1
        if tag == "a" and "href" in values:
            if self._nav_depth:
                self.nav_links.append(values["href"])
            if self._article:
                self.article_links.append(values["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        if tag == "h1":
            self._in_h1 = False
        if tag == "article" and self._article:
            self._article -= 1
        if tag == "nav" and self._nav_depth:
            self._nav_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._in_h1:
            self.h1[-1] += data
        if self._article:
            self.article.append(data)


def read(path: Path) -> _Reader:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader


def built(site: Path, url: str) -> Path:
    return site / url.lstrip("/") / "index.html"


def search_index(site: Path, language: str) -> list[dict[str, str]]:
    folder = site / "search" if language == "nl" else site / language / "search"
    return json.loads((folder / "search_index.json").read_text(encoding="utf-8"))["docs"]


# -- each page in each language ---------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", NEW_PAGES)
def test_the_page_is_built_from_its_own_language(site_dir: Path, page: str, language: str) -> None:
    path = built(site_dir, url_of(page, language))
    assert path.is_file(), f"{url_of(page, language)} is not built"
    text = path.read_text(encoding="utf-8")
    assert re.search(rf'<html[^>]*\blang="{language}"', text), "wrong lang attribute"
    headings = [" ".join(text.split()) for text in read(path).h1]
    assert headings == [source_title(page, language)]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", NEW_PAGES)
def test_the_browser_tab_shows_the_pages_heading(site_dir: Path, page: str, language: str) -> None:
    # EDITING.md: the one '#' heading is the same as 'title:', which the browser tab shows.
    text = built(site_dir, url_of(page, language)).read_text(encoding="utf-8")
    tab = re.search(r"<title>(.*?)</title>", text, re.DOTALL)
    assert tab
    assert html.unescape(tab.group(1)).split(" - ")[0].strip() == source_title(page, language)


def test_the_three_languages_of_each_page_have_different_titles() -> None:
    # A translation that kept the Dutch title would pass the test above unnoticed.
    for page in NEW_PAGES:
        titles = {source_title(page, language) for language in LANGUAGES}
        assert len(titles) == len(LANGUAGES), page


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_new_page_is_in_its_languages_navigation(site_dir: Path, language: str) -> None:
    home = "/" if language == "nl" else f"/{language}/"
    reader = read(built(site_dir, home))
    assert reader.nav_links, "no primary navigation found on the home page"
    in_nav = {urlsplit(urljoin(home, href)).path for href in reader.nav_links}
    missing = [url_of(page, language) for page in NEW_PAGES if url_of(page, language) not in in_nav]
    assert not missing
    # The navigation of one language never leads into another language's pages.
    others = [path for path in in_nav if path.startswith(("/fr/", "/en/"))]
    if language == "nl":
        assert not others
    else:
        assert all(path.startswith(f"/{language}/") for path in others)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_new_page_is_in_its_languages_search_index(site_dir: Path, language: str) -> None:
    titles = {doc["location"]: doc["title"] for doc in search_index(site_dir, language)}
    for page in NEW_PAGES:
        assert titles.get(f"{page}/") == source_title(page, language), page
    for other in LANGUAGES:
        if other != language:
            foreign = {source_title(page, other) for page in NEW_PAGES}
            assert not foreign & set(titles.values()), f"{other} titles in the {language} index"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_new_page_sends_a_reader_to_dutch_when_their_language_has_the_page(
    site_dir: Path, language: str
) -> None:
    wrong = []
    for page in NEW_PAGES:
        url = url_of(page, language)
        for href in read(built(site_dir, url)).article_links:
            target = urlsplit(urljoin(url, href))
            if target.scheme not in ("", "http", "https") or target.netloc:
                continue
            path = target.path
            if path.startswith(("/fr/", "/en/", "/kinderen/", "/jongeren/")):
                continue
            if built(site_dir, f"/{language}{path}").is_file():
                wrong.append(f"{url} -> {path}")
    assert not wrong


# -- the suicide line wherever self-harm is mentioned -----------------------------------


def adult_pages(site: Path) -> list[Path]:
    return [
        path
        for path in built_pages(site)
        if path.relative_to(site).parts[0] not in ("kinderen", "jongeren", "search", "assets")
    ]


def mentions_self_harm_without_1813(path: Path) -> bool | None:
    """None if the page does not speak of self-harm; else whether it lacks the 1813 line."""
    reader = read(path)
    text = " ".join(" ".join(reader.article).split())
    if not SELF_HARM.search(text):
        return None
    calls = any(
        re.sub(r"\D", "", href) == SUICIDE_LINE
        for href in reader.article_links
        if href.startswith("tel:")
    )
    return not (calls or SUICIDE_LINE in text)


def test_every_adult_page_that_speaks_of_self_harm_points_to_1813(site_dir: Path) -> None:
    checked, missing = {language: 0 for language in LANGUAGES}, []
    for path in adult_pages(site_dir):
        verdict = mentions_self_harm_without_1813(path)
        if verdict is None:
            continue
        first = path.relative_to(site_dir).parts[0]
        checked[first if first in ("fr", "en") else "nl"] += 1
        if verdict:
            missing.append(page_url(site_dir, path))
    assert not missing
    # The check must have met pages to check in every language: the new pages speak of it.
    assert all(count >= 5 for count in checked.values()), checked


@pytest.mark.parametrize(
    ("text", "speaks_of_it"),
    [
        ("Denk je eraan jezelf iets aan te doen?", True),
        ("Hij dreigt zichzelf iets aan te doen als ik vertrek.", True),
        ("Je partner dreigt met zelfdoding.", True),
        ("Bel de Zelfmoordlijn.", True),
        ("Votre partenaire menace de se suicider.", True),
        ("Vous pensez à vous faire du mal ?", True),
        ("Your partner threatens to kill themselves.", True),
        ("Are you thinking of harming yourself?", True),
        ("Hij werkt zelfstandig en doet zichzelf geen plezier.", False),
        ("Votre partenaire menace de s'en prendre à vous.", False),
    ],
)
def test_the_self_harm_words_are_recognised(text: str, speaks_of_it: bool) -> None:
    assert bool(SELF_HARM.search(text)) is speaks_of_it


def test_a_page_about_self_harm_without_1813_is_caught(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text(
        "<html><body><article><h1>T</h1><p>Denkt je partner aan zelfdoding? "
        "Bel 1712.</p></article></body></html>",
        encoding="utf-8",
    )
    assert mentions_self_harm_without_1813(page) is True
    page.write_text(
        '<html><body><article><p>Zelfdoding? Bel <a href="tel:1813">de lijn</a>.</p>'
        "</article></body></html>",
        encoding="utf-8",
    )
    assert mentions_self_harm_without_1813(page) is False
