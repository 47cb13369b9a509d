"""The content of the three sites: FAQ questions, descriptions, headings, no placeholders,
no silent switch to Dutch, one source for hours and numbers."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.support.html import scan
from tests.support.site import ROOT, built_pages, page_url

# Every FAQ question of issue 3, as the heading (h2) it has on the FAQ page of each language.
FAQ_QUESTIONS: dict[str, dict[str, str]] = {
    "nl": {
        "what": "Wat doet 1712?",
        "who_for": "Voor wie is 1712?",
        "who_listens": "Wie luistert naar mijn verhaal?",
        "closed": "Wie kan ik contacteren als 1712 gesloten is?",
        "visit": "Kan ik bij 1712 langskomen?",
        "unreachable": "Ik kan 1712 niet bereiken. Wat nu?",
        "no_answer": "Ik kreeg geen antwoord op mijn mail. Hoe komt dat?",
        "elsewhere": "Waar kan ik nog terecht?",
        "privacy": "Hoe wordt mijn privacy beschermd?",
        "satisfaction": "Ik ben (on)tevreden. Hoe laat ik dat weten?",
        "website": "Over deze website en de toegankelijkheid",
    },
    # French and English as written by the translators (no-break spaces count as spaces).
    "fr": {
        "what": "Que fait 1712 ?",
        "who_for": "À qui s'adresse 1712 ?",
        "who_listens": "Qui écoute mon histoire ?",
        "closed": "Qui puis-je contacter quand 1712 est fermé ?",
        "visit": "Puis-je me rendre à 1712 en personne ?",
        "unreachable": "Je n'arrive pas à joindre 1712. Que faire ?",
        "no_answer": "Je n'ai pas reçu de réponse à mon e-mail. Que faire ?",
        "elsewhere": "À qui d'autre puis-je m'adresser ?",
        "privacy": "Comment ma vie privée est-elle protégée ?",
        "satisfaction": "Je suis satisfait ou insatisfait : comment le faire savoir ?",
        "website": "À propos de ce site et de son accessibilité",
    },
    "en": {
        "what": "What does 1712 do?",
        "who_for": "Who is 1712 for?",
        "who_listens": "Who listens to my story?",
        "closed": "Who can I contact when 1712 is closed?",
        "visit": "Can I visit 1712?",
        "unreachable": "I cannot reach 1712. What now?",
        "no_answer": "I got no answer to my e-mail. What now?",
        "elsewhere": "Where else can I go?",
        "privacy": "How is my privacy protected?",
        "satisfaction": "I am (dis)satisfied. How do I say so?",
        "website": "About this website and its accessibility",
    },
}
PLACEHOLDERS = (
    "Deze pagina wordt aangevuld",
    "Cette page sera complétée",
    "This page is being completed",
)
MIN_WORDS = 30  # fewer words in the main text than this counts as an empty page
LANGUAGE_NOTE = re.compile(
    r"n[ée]erlandais|anglais|fran[çc]ais|Dutch|English|French|Nederlands", re.IGNORECASE
)
CONTENT_DIRS = ("docs", "kids", "youth", "overrides")
CONTENT_SUFFIXES = {".md", ".html", ".js", ".css", ".yml", ".yaml", ".json", ".txt"}
# A Jinja or contact placeholder: {{ tel:awel }}, {{ hulplijn.uren }}, {% ... %}, {# ... #}.
TEMPLATE_CODE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
# An emergency or closed-hours number as a phone number: not part of a larger number,
# a figure (4.101), a colour (#101010), a version, a size or a file name.
PHONE_NUMBER = re.compile(r"(?<![\w#.,/:-])(112|101|106|102)(?![\w.,/%:-]|\s*(?:px|rem|em)\b)")
# The opening hours of 1712 and of Tele-onthaal, in the words of the three languages.
# "Dag en nacht" only counts next to a word for being open: "het kan dag en nacht
# doorgaan" is not an opening hour.
_OPEN = r"bereikbaar|open|beschikbaar|joignable|ouvert|disponible|available|reachable|answers?"
_ALWAYS = r"dag en nacht|jour et nuit|day and night"
HOURS = re.compile(
    r"\b0?9\s*(?:[:.]00|u|uur|h|am)?\s*(?:tot|à|a|to|-|–)\s*(?:17|5)\s*(?:[:.]00|u\b|uur|h\b|pm)"
    r"|\b17[:.]00\b|\b17\s*uur\b"
    r"|\b(?:24|vierentwintig)\s*(?:uur|u)\s*(?:per|op)\s*(?:dag|24)\b"
    r"|\b24\s*(?:h|heures)\s*(?:sur|/)\s*24\b|\b24 hours a day\b|\b24\s*/\s*7\b"
    rf"|\b(?:{_OPEN})\W+(?:\w+\W+){{0,3}}?(?:{_ALWAYS})\b"
    rf"|\b(?:{_ALWAYS})\W+(?:\w+\W+){{0,2}}?(?:{_OPEN})\b",
    re.IGNORECASE,
)


# -- reading built pages ---------------------------------------------------------------


class _Outline(HTMLParser):
    """Headings, links with their text, and the main text of a built page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[tuple[str, str, str]] = []  # (tag, id, text), in the article
        self.links: list[tuple[dict[str, str], str, bool]] = []  # (attrs, text, in article)
        self.article_text: list[str] = []
        self._heading: tuple[str, str] | None = None
        self._heading_text: list[str] = []
        self._links: list[tuple[dict[str, str], list[str]]] = []
        self._article_depth = 0
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if tag in ("script", "style"):
            self._skip += 1
        if tag == "article":
            self._article_depth += 1
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = (tag, values.get("id", ""))
            self._heading_text = []
        if tag == "a":
            self._links.append((values, []))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        if tag == "article" and self._article_depth:
            self._article_depth -= 1
        if self._heading and tag == self._heading[0]:
            text = " ".join("".join(self._heading_text).split())
            if self._article_depth:
                self.headings.append((self._heading[0], self._heading[1], text))
            self._heading = None
        if tag == "a" and self._links:
            attrs, chunks = self._links.pop()
            self.links.append((attrs, " ".join("".join(chunks).split()), self._article_depth > 0))

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._heading:
            self._heading_text.append(data)
        for _, chunks in self._links:
            chunks.append(data)
        if self._article_depth:
            self.article_text.append(data)


def outline(path: Path) -> _Outline:
    parser = _Outline()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def language_of(url: str) -> str:
    first = url.strip("/").split("/", 1)[0]
    return first if first in ("fr", "en") else "nl"


def built_target(site: Path, page: str, href: str) -> str | None:
    """The URL of the built page a link leads to, or None (other site, anchor, file)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = urlsplit(urljoin(page, href)).path
    candidate = site / path.lstrip("/")
    if candidate.is_dir() and (candidate / "index.html").is_file():
        return path
    if candidate.is_file() and candidate.suffix == ".html":
        return path
    return None


# -- FAQ --------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_every_faq_question_of_the_issue_is_a_linkable_heading(
    site_dir: Path, language: str
) -> None:
    expected = FAQ_QUESTIONS[language]
    prefix = "" if language == "nl" else f"{language}/"
    page = outline(site_dir / prefix / "veelgestelde-vragen" / "index.html")
    headings = {text: anchor for tag, anchor, text in page.headings if tag == "h2"}
    missing = [question for question in expected.values() if question not in headings]
    assert not missing, f"{language}: no h2 for {missing}; the page has {sorted(headings)}"
    assert all(headings[question] for question in expected.values()), "a question has no id"
    assert set(expected) == set(FAQ_QUESTIONS["nl"]), f"{language}: not the same questions"


# -- every page ---------------------------------------------------------------------------


def test_every_page_has_a_meta_description(site_dir: Path) -> None:
    missing = []
    for path in built_pages(site_dir):
        descriptions = [
            meta.attrs.get("content", "").strip()
            for meta in scan(path).all("meta")
            if meta.attrs.get("name") == "description"
        ]
        if len(descriptions) != 1 or len(descriptions[0]) < 20:
            missing.append(f"{path.relative_to(site_dir)}: {descriptions}")
    assert not missing


def test_every_page_has_exactly_one_h1(site_dir: Path) -> None:
    wrong = {
        str(path.relative_to(site_dir)): count
        for path in built_pages(site_dir)
        if (count := len(scan(path).all("h1"))) != 1
    }
    assert not wrong


def test_no_page_is_empty_or_a_placeholder(site_dir: Path) -> None:
    problems = []
    for path in built_pages(site_dir):
        text = " ".join(" ".join(outline(path).article_text).split())
        name = str(path.relative_to(site_dir))
        if len(text.split()) < MIN_WORDS:
            problems.append(f"{name}: only {len(text.split())} words")
        problems += [f"{name}: '{words}'" for words in PLACEHOLDERS if words in text]
    assert not problems


# -- key figures ---------------------------------------------------------------------------


def test_the_key_figures_chart_has_a_text_alternative_and_its_numbers_in_a_table(
    site_dir: Path,
) -> None:
    html = (site_dir / "over-1712" / "index.html").read_text(encoding="utf-8")
    # Material's icons are inline SVGs too; the chart is the one that is an image.
    svg = re.search(r"<svg\b[^>]*\brole=\"img\"[^>]*>.*?</svg>", html, re.DOTALL)
    assert svg, "the page has no inline SVG chart with role=img"
    opening = re.match(r"<svg\b[^>]*>", svg.group(0))
    assert opening
    labelled_by = re.search(r'aria-labelledby="([^"]+)"', opening.group(0))
    assert labelled_by, "the chart has no accessible name"
    for ident in labelled_by.group(1).split():
        named = re.search(rf'id="{ident}"[^>]*>([^<]+)<', svg.group(0))
        assert named and len(named.group(1).split()) >= 5, f"#{ident} says too little"
    assert "<img" not in svg.group(0) and "href=" not in svg.group(0)
    bar_values = re.findall(r'<text class="chart__value"[^>]*>(\d+)</text>', svg.group(0))
    assert len(bar_values) == 12, bar_values
    table_cells = re.findall(r"<td>(\d{3})</td>", html[svg.end() :])
    assert table_cells[:12] == bar_values


# -- French and English visitors ------------------------------------------------------------


def test_french_and_english_pages_declare_their_language(site_dir: Path) -> None:
    wrong = []
    for language in ("fr", "en"):
        pages = built_pages(site_dir / language)
        assert len(pages) >= 10, f"/{language}/ has only {len(pages)} pages"
        wrong += [str(p) for p in pages if scan(p).lang != language]
    assert not wrong


def test_links_from_french_and_english_pages_to_another_language_are_marked(
    site_dir: Path,
) -> None:
    unmarked = []
    for language in ("fr", "en"):
        for path in built_pages(site_dir / language):
            url = page_url(site_dir, path)
            for attrs, text, in_article in outline(path).links:
                target = built_target(site_dir, url, attrs.get("href", ""))
                if target is None or language_of(target) == language:
                    continue
                if attrs.get("hreflang") != language_of(target):
                    unmarked.append(f"{url} -> {target}: no hreflang ('{text}')")
                elif in_article and not LANGUAGE_NOTE.search(text):
                    unmarked.append(f"{url} -> {target}: the text does not say so ('{text}')")
    assert not unmarked


# -- one source for hours and numbers -------------------------------------------------------


def _facts_outside_the_data_file(
    pattern: re.Pattern[str],
    folders: tuple[str, ...] = CONTENT_DIRS,
    suffixes: set[str] = CONTENT_SUFFIXES,
) -> list[str]:
    found = []
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*")):
            if not path.is_file() or path.suffix not in suffixes:
                continue
            text = TEMPLATE_CODE.sub(lambda m: " " * len(m.group(0)), path.read_text("utf-8"))
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{path.relative_to(ROOT)}:{line}: '{match.group(0)}'")
    return found


def test_the_patterns_find_the_hours_and_numbers_in_the_data_file() -> None:
    facts = (ROOT / "data" / "contact.yml").read_text(encoding="utf-8")
    assert HOURS.search(facts), "the hours pattern does not find the hours in contact.yml"
    assert {"112", "101", "106", "102"} <= set(PHONE_NUMBER.findall(facts))


@pytest.mark.parametrize(
    ("text", "is_fact"),
    [
        ("1712 is open op werkdagen van 9 tot 17 uur.", True),
        ("Bel tussen 09:00 en 17:00.", True),
        ("1712 répond de 9 h à 17 h.", True),
        ("We answer from 9 am to 5 pm.", True),
        ("Tele-onthaal is dag en nacht bereikbaar.", True),
        ("Tele-onthaal is open, day and night.", True),
        ("Zij zijn vierentwintig uur per dag bereikbaar.", True),
        ("het kan dag en nacht doorgaan", False),
        ("In 2017 waren er 4.812 contacten op 253 dagen.", False),
    ],
)
def test_the_hours_pattern_tells_opening_hours_from_other_words(text: str, is_fact: bool) -> None:
    assert bool(HOURS.search(text)) is is_fact


@pytest.mark.parametrize(
    ("text", "is_number"),
    [
        ("Bel 112 of 101.", True),
        ("Tele-onthaal (106) en Awel 102", True),
        ("4.101 contacten, 1.123 slachtoffers, 112,5 procent", False),
        ("color: #101010; width: 102px; WCAG 2.2", False),
    ],
)
def test_the_phone_pattern_tells_numbers_from_figures(text: str, is_number: bool) -> None:
    assert bool(PHONE_NUMBER.search(text)) is is_number


def test_no_phone_number_is_written_outside_the_data_file() -> None:
    assert not _facts_outside_the_data_file(PHONE_NUMBER)


def test_no_opening_hours_are_written_outside_the_data_file() -> None:
    assert not _facts_outside_the_data_file(HOURS)


CODE_DIRS = ("formhandler", "hooks", "sitebuild", "tools")


def test_no_opening_hours_are_written_in_the_code() -> None:
    """The service and the build say the hours from data/contact.yml's calendar only
    (formhandler/core/opening_hours.py); an hour typed in code or a template is a second
    source that an editor's change would not reach."""
    assert not _facts_outside_the_data_file(HOURS, CODE_DIRS, CONTENT_SUFFIXES | {".py", ".sql"})
