"""News and campaigns: one Markdown file per item in docs/nieuws/, Dutch only.

Material's blog plugin does not work together with mkdocs-static-i18n, so this module
(called by hooks/news.py) does what we need instead:

- the adult build lists every item on /nieuws/ (newest first, one section per year: with a
  handful of items a year one page stays short, every item is found with Ctrl+F and the
  search, and no generated page can leak into the French or English build);
- each item keeps its own page, with its date (and a campaign's period) under the title;
- every audience's build (adults, children, young people) reads docs/nieuws/ from the
  repository root and shows the banner of each campaign that runs on the build date
  (today, or SITE_DATE=YYYY-MM-DD) for that audience, in Material's announce block
  (overrides/partials/campaign-banner.html). Campaigns are Dutch: the banner shows on the
  Dutch pages only, never on French or English ones.

A campaign with an end before its start or an unknown audience is a problem in Dutch with
file and line; the hook logs it as a warning, so the strict build fails and says what to fix.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sitebuild import frontmatter
from sitebuild.problems import DataError

AUDIENCES = ("volwassenen", "jongeren", "kinderen")
# A banner is one short sentence: longer ones push the page down on a phone. The newsroom's
# form (formhandler/staff/decap_config.py) has the same limit.
BANNER_MAX = 160
NEWS_FOLDER = Path("docs") / "nieuws"
# The list page and its translations (index.fr.md, index.en.md): not news items.
INDEX_PAGE = re.compile(r"index(\.[a-z]{2})?\.md")
# Where the generated list goes in docs/nieuws/index.md (appended when missing).
LIST_MARKER = "<!-- nieuwslijst -->"
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


@dataclass(frozen=True)
class NewsItem:
    slug: str
    title: str
    date: date
    summary: str
    audiences: tuple[str, ...]
    start: date | None = None
    until: date | None = None
    banner: str | None = None
    link: str | None = None

    @property
    def is_campaign(self) -> bool:
        return self.start is not None and self.until is not None

    def runs_on(self, day: date) -> bool:
        return self.is_campaign and self.start <= day <= self.until  # type: ignore[operator]


def in_words(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def site_date(environ: dict[str, str] | None = None) -> date:
    """The date the build takes as today: SITE_DATE=YYYY-MM-DD, or today."""
    value = (os.environ if environ is None else environ).get("SITE_DATE", "").strip()
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise DataError(
            f"SITE_DATE={value} is geen datum. Schrijf jaar-maand-dag, "
            f"bijvoorbeeld SITE_DATE=2020-04-20."
        ) from error


def _as_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def parse_item(text: str, slug: str, source: str) -> tuple[NewsItem | None, list[str]]:
    """One news file: the item, or None, and the problems in plain Dutch with file and line."""
    meta = frontmatter.split(text).meta
    problems: list[str] = []

    def problem(key: str, what: str) -> None:
        problems.append(f"{source}, regel {frontmatter.field_line(text, key)}: {what}")

    for key, example in (
        ("title", 'title: "Nieuwe campagne over grenzen in de sport"'),
        ("date", "date: 2020-03-20"),
        ("summary", 'summary: "Eén of twee zinnen over waar het nieuws over gaat."'),
        ("audiences", "audiences: [volwassenen, jongeren]"),
    ):
        if not meta.get(key):
            problem(key, f"'{key}:' ontbreekt. Zet bovenaan een regel zoals {example}.")
    day = _as_date(meta.get("date")) if meta.get("date") else None
    if meta.get("date") and day is None:
        problem("date", f"'{meta['date']}' is geen datum. Schrijf jaar-maand-dag: 2020-03-20.")

    audiences = meta.get("audiences") or []
    if isinstance(audiences, str):
        audiences = [audiences]
    for audience in audiences:
        if audience not in AUDIENCES:
            problem(
                "audiences",
                f"de doelgroep '{audience}' bestaat niet. Kies uit: {', '.join(AUDIENCES)}.",
            )

    start = until = None
    if "from" in meta or "until" in meta:
        start, until = _as_date(meta.get("from")), _as_date(meta.get("until"))
        for key, value in (("from", start), ("until", until)):
            if value is None:
                problem(
                    key,
                    f"een campagne heeft '{key}:' nodig met een datum (jaar-maand-dag), "
                    f"bijvoorbeeld {key}: 2020-03-20. Is dit geen campagne? "
                    f"Verwijder dan 'from:' en 'until:'.",
                )
        if start and until and until < start:
            problem(
                "until",
                f"de campagne eindigt ({until.isoformat()}) voor ze begint "
                f"({start.isoformat()}). Verbeter 'from:' of 'until:'.",
            )
    elif meta.get("banner"):
        problem(
            "banner",
            "een banner toont alleen tijdens een campagne. Zet er 'from:' en 'until:' bij.",
        )
    banner_text = " ".join(str(meta.get("banner") or "").split())
    if len(banner_text) > BANNER_MAX:
        problem(
            "banner",
            f"de banner is te lang ({len(banner_text)} tekens, hoogstens {BANNER_MAX}). "
            "Houd het bij één korte zin; de rest hoort in de tekst van het bericht.",
        )

    if problems:
        return None, problems
    item = NewsItem(
        slug=slug,
        title=str(meta["title"]),
        date=day,  # type: ignore[arg-type]
        summary=str(meta["summary"]).strip(),
        audiences=tuple(audiences),
        start=start,
        until=until,
        banner=str(meta["banner"]).strip() if meta.get("banner") else None,
        link=str(meta["link"]).strip() if meta.get("link") else None,
    )
    return item, []


def load_items(root: Path) -> tuple[list[NewsItem], list[str]]:
    """Every item in docs/nieuws/ of the repository at root, newest first."""
    items: list[NewsItem] = []
    problems: list[str] = []
    for path in sorted((root / NEWS_FOLDER).glob("*.md")):
        if INDEX_PAGE.fullmatch(path.name):
            continue  # the list page, or its French/English note that news is Dutch
        source = (NEWS_FOLDER / path.name).as_posix()
        item, found = parse_item(path.read_text(encoding="utf-8"), path.stem, source)
        problems += found
        if item:
            items.append(item)
    items.sort(key=lambda item: (item.date, item.slug), reverse=True)
    return items, problems


def banners(items: list[NewsItem], audience: str, today: date, news_url: str) -> list[dict]:
    """What campaign-banner.html shows: the campaigns running today for this audience."""
    return [
        {
            "title": item.title,
            "text": item.banner or item.summary,
            "url": item.link or f"{news_url}{item.slug}/",
            "until": in_words(item.until),  # type: ignore[arg-type]
        }
        for item in items
        if item.runs_on(today) and audience in item.audiences
    ]


def _audience_words(item: NewsItem) -> str:
    names = [name for name in AUDIENCES if name in item.audiences]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def when(item: NewsItem) -> str:
    if item.is_campaign:
        return f"Campagne van {in_words(item.start)} tot en met {in_words(item.until)}"  # type: ignore[arg-type]
    return f"Nieuws van {in_words(item.date)}"


def news_list(items: list[NewsItem], today: date) -> str:
    """The Markdown of the list on /nieuws/: running campaigns, then every year, newest first."""
    if not items:
        return "Er zijn nog geen berichten."
    years = sorted({item.date.year for item in items}, reverse=True)
    lines = ["Archief per jaar: " + " · ".join(f"[{year}](#jaar-{year})" for year in years), ""]
    running = [item for item in items if item.runs_on(today)]
    if running:
        lines += ["## Campagnes die nu lopen", ""]
        lines += [
            f"- [{item.title}]({item.slug}.md): tot en met {in_words(item.until)}"
            for item in running
        ]  # type: ignore[arg-type]
        lines.append("")
    for year in years:
        lines += [f"## {year} {{ #jaar-{year} }}", ""]
        for item in items:
            if item.date.year == year:
                lines += [
                    f"### [{item.title}]({item.slug}.md)",
                    "",
                    f"{when(item)}. Voor {_audience_words(item)}.",
                    "",
                    item.summary,
                    "",
                ]
    return "\n".join(lines)


def item_header(item: NewsItem) -> str:
    return f"{when(item)}. Voor {_audience_words(item)}."


def with_list(markdown: str, listing: str) -> str:
    """docs/nieuws/index.md with the list where its marker is (or at the end)."""
    if LIST_MARKER in markdown:
        return markdown.replace(LIST_MARKER, listing, 1)
    return f"{markdown.rstrip()}\n\n{listing}\n"


def with_header(markdown: str, item: NewsItem) -> str:
    """An item's page with its date (or period) under the title and a link back."""
    header = item_header(item)
    back = "[Terug naar alle nieuws en campagnes](index.md)"
    title = re.search(r"^# .*$", markdown, re.MULTILINE)
    if title:
        at = title.end()
        return f"{markdown[:at]}\n\n{header}\n{markdown[at:]}\n\n{back}\n"
    return f"{header}\n\n{markdown}\n\n{back}\n"
