"""Issue 13 in the built site: the open-now script with its calendar in each audience, the "open now" line on
every page, the chat pages in every audience and language, and the contact cards that lead
to them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from urllib.parse import urljoin

import pytest

from formhandler.core.calendar_file import load_calendar
from sitebuild.contact import load_contacts
from sitebuild.open_now import browser_calendar, calendar_in_script, one_year_after
from sitebuild.site_config import site_extra
from tests.support.html import ScannedPage, scan
from tests.support.site import ROOT, built_pages, page_url

FACTS = load_contacts(ROOT / "data" / "contact.yml")
AUDIENCE_ROOTS = {"volwassenen": "", "kinderen": "kinderen/", "jongeren": "jongeren/"}
CHAT_PAGES = {
    "/chat/": ("nl", "volwassenen"),
    "/fr/chat/": ("fr", "volwassenen"),
    "/en/chat/": ("en", "volwassenen"),
    "/kinderen/chat/": ("nl", "kinderen"),
    "/jongeren/chat/": ("nl", "jongeren"),
}
HOME_PAGES = ["/", "/fr/", "/en/", "/kinderen/", "/jongeren/"]
# "The built pages must stay light": the page's scripts, one of them with its calendar.
MAX_SCRIPT_BYTES = 10_000  # site.js: quick exit and menu
MAX_OPEN_NOW_BYTES = 14_000  # open-now.js: the script and a year's calendar


def _audience_root(url: str) -> str:
    for prefix in ("/kinderen/", "/jongeren/"):
        if url.startswith(prefix):
            return prefix
    return "/"


def _language(url: str) -> str:
    return url.split("/")[1] if url.startswith(("/fr/", "/en/")) else "nl"


def _page(site_dir: Path, url: str) -> ScannedPage:
    return scan(site_dir / url.strip("/") / "index.html")


@pytest.mark.parametrize("audience", sorted(AUDIENCE_ROOTS))
def test_each_audience_has_the_calendar_of_the_data_for_twelve_months(
    site_dir: Path, audience: str
) -> None:
    path = site_dir / AUDIENCE_ROOTS[audience] / "open-now.js"
    assert path.stat().st_size < MAX_OPEN_NOW_BYTES
    document = calendar_in_script(path.read_text(encoding="utf-8"))
    first = date.fromisoformat(document["from"])
    assert date.fromisoformat(document["to"]) == one_year_after(first)
    # Exactly what sitebuild/open_now.py makes from data/contact.yml on the build's date:
    # every public holiday, 11 July and configured closing day of that year.
    assert document == browser_calendar(load_calendar(ROOT / "data" / "contact.yml"), first)
    assert any(day.endswith("-07-11") for day in document["closed"])
    assert any(names["nl"] == "Kerstmis" for names in document["closed"].values())


def test_every_page_has_the_open_now_line_by_the_phone_number(site_dir: Path) -> None:
    problems = []
    for path in built_pages(site_dir):
        url = page_url(site_dir, path)
        page = scan(path)
        lines = [
            e for e in page.with_attr("data-open-now") if e.attrs["data-open-now"] == "telefoon"
        ]
        live = [e for e in lines if "data-open-now-live" in e.attrs]
        if len(live) != 1:
            problems.append(f"{url}: {len(live)} live phone lines")
            continue
        line = live[0]
        root = _audience_root(url)
        words = "kinderen" if root == "/kinderen/" else _language(url)
        if line.attrs["data-words"] != words:
            problems.append(f"{url}: words {line.attrs['data-words']}, not {words}")
        if "aria-live" in line.attrs or "data-state" in line.attrs:
            problems.append(f"{url}: the page claims a state before the script ran")
        if FACTS["hulplijn"]["uren"][_language(url)] not in page.text:
            problems.append(f"{url}: no hours as text")
        scripts = [e.attrs for e in page.all("script")]
        if not any(s.get("src", "").endswith("assets/javascripts/site.js") for s in scripts):
            problems.append(f"{url}: site.js (quick exit, menu) is not loaded")
        # The open-now script of the audience, in the head, neither async nor deferred: it
        # fills the line before the page is drawn, so the page never moves after it is shown.
        head = path.read_text(encoding="utf-8").split("</head>", 1)[0]
        open_now = [s for s in scripts if s.get("src", "").endswith("open-now.js")]
        if len(open_now) != 1 or urljoin(url, open_now[0]["src"]) != f"{root}open-now.js":
            problems.append(f"{url}: open-now script {open_now}")
        elif f'src="{open_now[0]["src"]}"' not in head or {"async", "defer"} & set(open_now[0]):
            problems.append(f"{url}: the open-now script does not run before the page is drawn")
    assert not problems


def test_the_open_now_script_is_small_and_asks_no_other_host(site_dir: Path) -> None:
    for root in AUDIENCE_ROOTS.values():
        script = site_dir / root / "assets" / "javascripts" / "site.js"
        text = script.read_text(encoding="utf-8")
        assert len(text.encode()) < MAX_SCRIPT_BYTES
        text += (site_dir / root / "open-now.js").read_text(encoding="utf-8")
        assert "http" not in text and "localStorage" not in text and "cookie" not in text


@pytest.mark.parametrize("url", sorted(CHAT_PAGES))
def test_each_chat_page_gives_the_moments_whether_open_and_the_link_to_chat_url(
    site_dir: Path, url: str
) -> None:
    language, _ = CHAT_PAGES[url]
    page = _page(site_dir, url)
    chat_lines = [e for e in page.with_attr("data-open-now") if e.attrs["data-open-now"] == "chat"]
    assert len(chat_lines) == 1 and "data-open-now-live" in chat_lines[0].attrs
    assert FACTS["hulplijn"]["chat_uren"][language] in page.text
    chat_url = site_extra(ROOT)["chat_url"]
    assert [link for link in page.links if link.element.attrs.get("href") == chat_url]
    assert len(page.all("h1")) == 1


@pytest.mark.parametrize("url", sorted(CHAT_PAGES))
def test_each_chat_page_is_in_its_menu(site_dir: Path, url: str) -> None:
    # The menu of the audience's home page in the chat page's language.
    home = _audience_root(url) + ("" if _language(url) == "nl" else f"{_language(url)}/")
    page = _page(site_dir, home)
    menu = [link for link in page.links if not link.in_article]
    assert any(urljoin(home, link.element.attrs.get("href", "")) == url for link in menu)


@pytest.mark.parametrize("url", HOME_PAGES)
def test_the_contact_cards_lead_to_the_chat_page_and_show_both_states(
    site_dir: Path, url: str
) -> None:
    page = _page(site_dir, url)
    card_lines = [e for e in page.with_attr("data-open-now") if "data-open-now-live" not in e.attrs]
    assert sorted(e.attrs["data-open-now"] for e in card_lines) == ["chat", "telefoon"]
    assert all("hidden" in e.attrs for e in card_lines)  # no state without the script
    chat_page = _audience_root(url) + ("" if _language(url) == "nl" else f"{_language(url)}/")
    chat_page += "chat/"
    targets = [urljoin(url, link.element.attrs.get("href", "")) for link in page.links]
    assert chat_page in targets
    assert FACTS["hulplijn"]["website"] not in " ".join(targets)  # not another site's home


@pytest.mark.parametrize("source", ["docs/chat.md", "docs/chat.fr.md", "docs/chat.en.md",
                                    "kids/chat.md", "youth/chat.md"])  # fmt: skip
def test_the_chat_pages_name_the_source_of_the_chat_moments_for_review(source: str) -> None:
    text = (ROOT / source).read_text(encoding="utf-8")
    front = text.split("---")[1]
    assert "review:" in front and "data/contact.yml" in front and "CHAT_URL" in front
    assert "template: chat.html" in front
    assert "{{ hulplijn.chat_uren }}" in text  # the moments come from the data file
