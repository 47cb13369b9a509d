"""News and campaigns: the list on /nieuws/, each item's page, and campaign banners that
show only while a campaign runs (SITE_DATE), only for its audiences, only in Dutch."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from hooks import news
from tests.support.html import scan
from tests.support.site import built_pages, copy_of_project
from tools.build_site import BuildError, build_site

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "editor_checks"
SPORT = "/nieuws/2020-03-sport-en-cultuur/"  # volwassenen and jongeren, 2020-03-20..2020-06-20


def problems_of(fixture: str) -> list[str]:
    text = (FIXTURES / fixture).read_text(encoding="utf-8")
    return news.parse_item(text, Path(fixture).stem, f"docs/nieuws/{fixture}")[1]


def test_a_campaign_that_ends_before_it_starts_is_reported() -> None:
    assert problems_of("campaign_ends_before_start.md") == [
        "docs/nieuws/campaign_ends_before_start.md, regel 7: de campagne eindigt (2021-04-01) "
        "voor ze begint (2021-05-01). Verbeter 'from:' of 'until:'."
    ]


def test_a_campaign_for_an_unknown_audience_is_reported() -> None:
    assert problems_of("campaign_unknown_audience.md") == [
        "docs/nieuws/campaign_unknown_audience.md, regel 5: de doelgroep 'ouders' bestaat niet. "
        "Kies uit: volwassenen, jongeren, kinderen."
    ]


def test_an_item_without_date_says_which_line_to_add() -> None:
    text = "---\ntitle: Iets\nsummary: Kort.\naudiences: [volwassenen]\n---\n\n# Iets\n"
    assert news.parse_item(text, "iets", "docs/nieuws/iets.md")[1] == [
        "docs/nieuws/iets.md, regel 1: 'date:' ontbreekt. Zet bovenaan een regel zoals "
        "date: 2020-03-20."
    ]


@pytest.mark.parametrize(
    ("day", "runs"),
    [
        ("Thu 2020-03-19", False),
        ("Fri 2020-03-20", True),
        ("Mon 2020-04-20", True),
        ("Sat 2020-06-20", True),
        ("Sun 2020-06-21", False),
    ],
)
def test_a_campaign_runs_from_its_first_to_its_last_day_included(day: str, runs: bool) -> None:
    items, problems = news.load_items(ROOT)
    assert problems == []
    sport = next(item for item in items if item.slug == "2020-03-sport-en-cultuur")
    assert sport.runs_on(date.fromisoformat(day.split()[1])) is runs


def test_the_news_page_in_another_language_is_not_read_as_a_news_item(tmp_path: Path) -> None:
    folder = tmp_path / news.NEWS_FOLDER
    folder.mkdir(parents=True)
    shutil.copy(ROOT / news.NEWS_FOLDER / "2019-11-is-t-oke.md", folder)
    for name in ("index.md", "index.en.md", "index.fr.md"):
        (folder / name).write_text('---\ntitle: "News"\n---\n\n# News\n', encoding="utf-8")
    items, problems = news.load_items(tmp_path)
    assert [item.slug for item in items] == ["2019-11-is-t-oke"]
    assert problems == []


def test_site_date_sets_the_build_date_and_a_wrong_one_says_how_to_write_it() -> None:
    assert news.site_date({"SITE_DATE": "2020-04-20"}) == date(2020, 4, 20)
    assert news.site_date({}) == date.today()
    with pytest.raises(PluginError, match=r"SITE_DATE=20-04-2020 is geen datum\. Schrijf"):
        news.site_date({"SITE_DATE": "20-04-2020"})


@pytest.mark.build
def test_a_broken_campaign_fails_even_the_childrens_build(tmp_path: Path) -> None:
    root = copy_of_project(tmp_path / "project")
    shutil.copy(FIXTURES / "campaign_ends_before_start.md", root / "docs" / "nieuws" / "fout.md")
    with pytest.raises(BuildError) as failed:
        build_site(tmp_path / "site", root=root, only="kinderen")
    assert "docs/nieuws/fout.md, regel 7: de campagne eindigt (2021-04-01)" in str(failed.value)


def banner_links(page: Path) -> list[str]:
    """The address each campaign banner on the page links to."""
    scanned = scan(page)
    anchors = scanned.all("a")
    return [
        next(a.attrs["href"] for a in anchors if a.index > banner.index)
        for banner in scanned.with_attr("data-campaign")
    ]


def site_part(site: Path, page: Path) -> str:
    first = page.relative_to(site).parts[0]
    return first if first in ("fr", "en", "kinderen", "jongeren") else "nl"


@pytest.fixture(scope="module")
def during_sport_campaign(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("during")
    build_site(out, site_date="2020-04-20")
    return out


@pytest.mark.build
def test_during_a_campaign_its_banner_is_on_every_page_of_its_audiences_only(
    during_sport_campaign: Path,
) -> None:
    site = during_sport_campaign
    found: dict[str, set[str]] = {}
    for page in built_pages(site):
        found.setdefault(site_part(site, page), set()).add(repr(banner_links(page)))
    assert found == {
        "nl": {repr([SPORT])},
        "jongeren": {repr([SPORT])},
        "kinderen": {"[]"},
        "fr": {"[]"},
        "en": {"[]"},
    }


@pytest.mark.build
def test_the_banner_comes_after_the_quick_exit_and_the_emergency_numbers(
    during_sport_campaign: Path,
) -> None:
    page = scan(during_sport_campaign / "jongeren" / "index.html")
    quick_exit = page.with_attr("data-quick-exit")[0]
    emergency = next(e for e in page.all("p") if "emergency" in e.attrs.get("class", ""))
    banner = page.with_attr("data-campaign")[0]
    assert quick_exit.index < emergency.index < banner.index
    assert "Gebeurt er in je club" in page.text


@pytest.mark.build
@pytest.mark.parametrize("day", ["2020-03-19", "2020-06-21"])
def test_before_and_after_a_campaign_no_page_has_a_banner(tmp_path: Path, day: str) -> None:
    build_site(tmp_path, site_date=day)
    with_banner = [p for p in built_pages(tmp_path) if scan(p).with_attr("data-campaign")]
    assert with_banner == []


@pytest.mark.build
def test_a_campaign_for_children_shows_on_the_childrens_site_only(tmp_path: Path) -> None:
    root = copy_of_project(tmp_path / "project")
    shutil.copy(FIXTURES / "campaign_for_children.md", root / "docs" / "nieuws" / "kinderen.md")
    site = tmp_path / "site"
    build_site(site, root=root, site_date="2030-01-15")
    parts = {site_part(site, p): bool(banner_links(p)) for p in built_pages(site)}
    assert parts == {"nl": False, "fr": False, "en": False, "jongeren": False, "kinderen": True}
    kids_pages = [p for p in built_pages(site) if site_part(site, p) == "kinderen"]
    assert all(banner_links(p) == ["/nieuws/kinderen/"] for p in kids_pages)


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
        "2020-03-sport-en-cultuur": "Campagne van 20 maart 2020 tot en met 20 juni 2020",
    }
    for slug, period in expected.items():
        page = scan(site_dir / "nieuws" / slug / "index.html")
        assert period in page.text, slug
        assert len(page.all("h1")) == 1, slug


@pytest.mark.build
def test_news_items_are_dutch_only_and_never_reach_the_french_or_english_site(
    site_dir: Path,
) -> None:
    for language in ("fr", "en"):
        folder = site_dir / language / "nieuws"
        items = [p for p in folder.rglob("*.html") if p != folder / "index.html"]
        assert not items, language
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
