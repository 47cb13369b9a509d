"""The topics of issue 14 on the children's and youth sites, checked on the built site.

Each new page is built, has its title as its one h1, is in the navigation and the search
index of its own site, and names the source of every fact outside FACTS.md in a `review:`
flag. Every children's or youth page whose text speaks of self-harm or of wanting to die
names the Zelfmoordlijn (its number from data/contact.yml); a children's page names Awel too.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from tests.support.site import ROOT, built_pages, page_url

# audience folder in site/ -> source folder -> {slug: h1 of the page}
NEW_PAGES: dict[str, tuple[str, dict[str, str]]] = {
    "kinderen": (
        "kids",
        {
            "pesten": "Pesten en cyberpesten",
            "online-fotos-en-geheimen": "Iemand online vraagt foto's of geheimen",
            "vertelt-1712-het-verder": "Vertelt 1712 het aan mijn mama of papa?",
            "woorden": "Moeilijke woorden",
        },
    ),
    "jongeren": (
        "youth",
        {
            "tienerpooiers": "Tienerpooiers en mensenhandel",
            "gedwongen-huwelijk": "Gedwongen huwelijk en eergerelateerd geweld",
            "na-seksueel-geweld": "Na seksueel geweld: wat nu?",
        },
    ),
}
CASES = [
    (audience, source, slug, title)
    for audience, (source, pages) in NEW_PAGES.items()
    for slug, title in pages.items()
]

# Words for self-harm and for wanting to die, as the pages of a helpline write them.
SELF_HARM = re.compile(
    r"zelfmoord|zelfdoding|su[iï]cid|zelfverwond|zelfbeschadig"
    r"|\bdood\s+(?:te\s+)?willen\b|\bdood\s+wil\b"
    r"|\bniet\s+meer\s+(?:wil\s+|willen\s+)?leven\b"
    r"|\b(?:jezelf|mezelf|zichzelf|uzelf)\s+(?:\w+\s+)?(?:pijn|iets\s+aan)",
    re.IGNORECASE,
)
# A review note's source: a file of seeds/, a web site, the data file or a dated publication.
SOURCE = re.compile(r"seeds/|\w\.(?:be|nl|org|net|com)\b|contact\.yml|\b(?:19|20)\d\d\b")
# Pages that speak of it today: the check below must find at least these.
KNOWN_SELF_HARM_PAGES = {
    "/kinderen/pesten/",
    "/jongeren/relaties/",
    "/jongeren/na-seksueel-geweld/",
}


def _contact() -> dict:
    return yaml.safe_load((ROOT / "data" / "contact.yml").read_text(encoding="utf-8"))


class _Page(HTMLParser):
    """The h1s, the article's text and tel: links, and the primary navigation's links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.h1: list[str] = []
        self.article_text: list[str] = []
        self.article_tel: list[str] = []
        self.nav_links: list[str] = []
        self._article = 0
        self._nav = 0  # depth of <nav> elements inside the primary navigation
        self._h1: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        classes = values.get("class", "").split()
        if tag == "article" and ("md-content__inner" in classes or self._article):
            self._article += 1
        if tag == "nav" and ("site-nav" in classes or self._nav):
            self._nav += 1
        if tag == "h1":
            self._h1 = []
        if tag == "a":
            href = values.get("href", "")
            if self._nav and "site-nav__link" in classes:
                self.nav_links.append(href)
            if self._article and href.startswith("tel:"):
                self.article_tel.append(href[len("tel:") :])

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self._article:
            self._article -= 1
        if tag == "nav" and self._nav:
            self._nav -= 1
        if tag == "h1" and self._h1 is not None:
            self.h1.append(" ".join("".join(self._h1).split()))
            self._h1 = None

    def handle_data(self, data: str) -> None:
        if self._h1 is not None:
            self._h1.append(data)
        if self._article:
            self.article_text.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.article_text).split())


def read(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.DOTALL)
    assert match, f"{path} has no front matter"
    return yaml.safe_load(match.group(1)) or {}


# -- the detector, on sentences with a known answer ----------------------------------------


@pytest.mark.parametrize(
    ("text", "speaks_of_it"),
    [
        ('"Als je me verlaat, doe ik mezelf iets aan."', True),
        ("Denk je eraan om jezelf pijn te doen?", True),
        ("Soms maakt pesten je zo verdrietig dat je niet meer wil leven.", True),
        ("Wie met vragen zit over zelfdoding, kan terecht bij de Zelfmoordlijn.", True),
        ("Doet iemand je pijn? Dan is dat nooit jouw schuld.", False),
        ("Ben je bang dat iemand je nu iets aandoet?", False),
        ("Woorden kunnen ook pijn doen.", False),
    ],
)
def test_the_self_harm_detector_tells_self_harm_from_other_pain(
    text: str, speaks_of_it: bool
) -> None:
    assert bool(SELF_HARM.search(text)) is speaks_of_it


# -- the new pages --------------------------------------------------------------------------


@pytest.mark.parametrize(("audience", "source", "slug", "title"), CASES)
def test_each_new_page_is_built_with_its_title_and_text(
    site_dir: Path, audience: str, source: str, slug: str, title: str
) -> None:
    built = site_dir / audience / slug / "index.html"
    assert built.is_file(), f"{source}/{slug}.md is not built at /{audience}/{slug}/"
    page = read(built)
    assert page.h1 == [title]
    assert len(page.text.split()) > 150, f"/{audience}/{slug}/ has hardly any text"


@pytest.mark.parametrize(("audience", "source", "slug", "title"), CASES)
def test_each_new_page_is_in_the_navigation_of_its_own_site(
    site_dir: Path, audience: str, source: str, slug: str, title: str
) -> None:
    home = site_dir / audience / "index.html"
    base = page_url(site_dir, home)
    targets = {urljoin(base, href).split("#")[0] for href in read(home).nav_links}
    assert f"/{audience}/{slug}/" in targets, f"/{audience}/{slug}/ is not in the menu"
    # And in no other audience's menu.
    for other in NEW_PAGES:
        if other != audience:
            other_home = site_dir / other / "index.html"
            other_base = page_url(site_dir, other_home)
            links = {urljoin(other_base, h) for h in read(other_home).nav_links}
            assert f"/{audience}/{slug}/" not in links


@pytest.mark.parametrize(("audience", "source", "slug", "title"), CASES)
def test_each_new_page_is_in_the_search_index_of_its_own_site(
    site_dir: Path, audience: str, source: str, slug: str, title: str
) -> None:
    index = json.loads((site_dir / audience / "search" / "search_index.json").read_text("utf-8"))
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    assert titles.get(f"{slug}/") == title


@pytest.mark.parametrize(("audience", "source", "slug", "title"), CASES)
def test_each_new_page_names_the_sources_of_its_facts_for_review(
    audience: str, source: str, slug: str, title: str
) -> None:
    review = front_matter(ROOT / source / f"{slug}.md").get("review")
    notes = review if isinstance(review, list) else [review]
    assert notes and all(isinstance(note, str) and note.strip() for note in notes)
    # Each note names where its fact comes from: a source file, a site or a publication.
    for note in notes:
        assert SOURCE.search(note), f"{source}/{slug}.md: '{note}' names no source"


# -- self-harm and the Zelfmoordlijn on every children's and youth page -----------------------


def _young_pages(site_dir: Path) -> list[tuple[str, _Page]]:
    return [
        (page_url(site_dir, path), read(path))
        for audience in NEW_PAGES
        for path in built_pages(site_dir / audience)
    ]


def test_every_young_page_that_speaks_of_self_harm_names_the_suicide_line(
    site_dir: Path,
) -> None:
    contact = _contact()
    suicide_line, awel = contact["zelfmoordlijn"]["telefoon"], contact["awel"]["telefoon"]
    assert suicide_line == "1813"
    speaking = {url: page for url, page in _young_pages(site_dir) if SELF_HARM.search(page.text)}
    assert set(speaking) >= KNOWN_SELF_HARM_PAGES, "the detector no longer sees known pages"
    missing = [
        url
        for url, page in speaking.items()
        if suicide_line not in page.article_tel or suicide_line not in page.text
    ]
    assert not missing, f"these pages speak of self-harm without the line {suicide_line}: {missing}"
    children_without_awel = [
        url
        for url, page in speaking.items()
        if url.startswith("/kinderen/") and awel not in page.article_tel
    ]
    assert not children_without_awel, f"children's pages without Awel: {children_without_awel}"
