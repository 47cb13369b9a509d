"""sitebuild/news.py and hooks/news.py: news items and their problems, and campaign banners
that show only while a campaign runs (SITE_DATE), only for its audiences, only in Dutch."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from sitebuild import news
from sitebuild.problems import DataError
from tests.support.html import scan
from tests.support.site import built_pages, copy_of_project
from tools.build_site import BuildError, build_site

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "editor_checks"
SPORT = "/nieuws/2020-03-sport-en-cultuur/"  # volwassenen and jongeren, 2020-04-15..2020-06-20


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
        ("Tue 2020-04-14", False),
        ("Wed 2020-04-15", True),
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


def test_site_date_sets_the_build_date_and_a_wrong_one_says_how_to_write_it() -> None:
    assert news.site_date({"SITE_DATE": "2020-04-20"}) == date(2020, 4, 20)
    assert news.site_date({}) == date.today()
    with pytest.raises(DataError, match=r"SITE_DATE=20-04-2020 is geen datum\. Schrijf"):
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
@pytest.mark.parametrize("day", ["2020-04-14", "2020-06-21"])
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


def _item(**changes: object) -> news.NewsItem:
    fields: dict[str, object] = {
        "slug": "2020-03-sport",
        "title": "Sport",
        "date": date(2020, 3, 20),
        "summary": "Kort.",
        "audiences": ("volwassenen", "jongeren"),
        "start": date(2020, 4, 15),
        "until": date(2020, 6, 20),
    }
    return news.NewsItem(**{**fields, **changes})  # type: ignore[arg-type]


def test_banners_are_the_campaigns_running_today_for_the_audience() -> None:
    item = _item(banner="Praat erover.")
    assert news.banners([item], "jongeren", date(2020, 4, 20), "/nieuws/") == [
        {
            "title": "Sport",
            "text": "Praat erover.",
            "url": "/nieuws/2020-03-sport/",
            "until": "20 juni 2020",
        }
    ]
    assert news.banners([item], "kinderen", date(2020, 4, 20), "/nieuws/") == []
    assert news.banners([item], "jongeren", date(2020, 6, 21), "/nieuws/") == []


def test_the_list_has_running_campaigns_then_each_year_newest_first() -> None:
    items = [_item(), _item(slug="2019-nieuws", title="Oud", date=date(2019, 1, 2), start=None)]
    listing = news.news_list(items, date(2020, 5, 1))
    assert listing.index("## Campagnes die nu lopen") < listing.index("## 2020 { #jaar-2020 }")
    assert listing.index("## 2020 { #jaar-2020 }") < listing.index("## 2019 { #jaar-2019 }")
    assert "- [Sport](2020-03-sport.md): tot en met 20 juni 2020" in listing
    assert "Nieuws van 2 januari 2019. Voor volwassenen en jongeren." in listing
    assert news.news_list([], date(2020, 5, 1)) == "Er zijn nog geen berichten."


def test_the_list_goes_where_its_marker_is_or_at_the_end() -> None:
    assert news.with_list("# N\n\n<!-- nieuwslijst -->\n\nEinde.\n", "LIJST") == (
        "# N\n\nLIJST\n\nEinde.\n"
    )
    assert news.with_list("# N\n", "LIJST") == "# N\n\nLIJST\n"


def test_an_items_page_gets_its_period_under_the_title_and_a_link_back() -> None:
    page = news.with_header("# Sport\n\nTekst.\n", _item())
    assert page.startswith(
        "# Sport\n\nCampagne van 15 april 2020 tot en met 20 juni 2020. "
        "Voor volwassenen en jongeren.\n"
    )
    assert page.endswith("[Terug naar alle nieuws en campagnes](index.md)\n")


def test_the_news_page_in_another_language_is_not_read_as_a_news_item(tmp_path: Path) -> None:
    folder = tmp_path / news.NEWS_FOLDER
    folder.mkdir(parents=True)
    shutil.copy(ROOT / news.NEWS_FOLDER / "2019-11-is-t-oke.md", folder)
    for name in ("index.md", "index.en.md", "index.fr.md"):
        (folder / name).write_text('---\ntitle: "News"\n---\n\n# News\n', encoding="utf-8")
    items, problems = news.load_items(tmp_path)
    assert [item.slug for item in items] == ["2019-11-is-t-oke"]
    assert problems == []
