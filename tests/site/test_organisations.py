"""The organisation pages of the built site: every region, group and theme page lists exactly
the organisations it should, the children's and youth pages speak in their words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitebuild.organisations import (
    EVERYWHERE,
    REGIONS,
    THEMES,
    WHO,
    Organisation,
    load,
)
from tests.conftest import ROOT
from tests.htmlscan import scan


def organisations() -> list[Organisation]:
    result = load(ROOT)
    assert result.problems == []
    return result.organisations


# --- the data file -------------------------------------------------------------------


# --- the built pages -----------------------------------------------------------------


def listed(path: Path) -> list[str]:
    return [e.attrs["data-organisatie"] for e in scan(path).with_attr("data-organisatie")]


def expected_on_region_page(region: str) -> set[str]:
    return {org.id for org in organisations() if EVERYWHERE in org.regios or region in org.regios}


@pytest.mark.parametrize("region", list(REGIONS))
def test_every_region_page_lists_exactly_the_organisations_serving_that_region(
    site_dir: Path, region: str
) -> None:
    shown = listed(site_dir / "organisaties" / region / "index.html")
    assert len(shown) == len(set(shown))  # nobody twice
    assert set(shown) == expected_on_region_page(region)


def test_the_overview_lists_exactly_the_organisations_working_everywhere(site_dir: Path) -> None:
    shown = listed(site_dir / "organisaties" / "index.html")
    assert set(shown) == {org.id for org in organisations() if EVERYWHERE in org.regios}


@pytest.mark.parametrize(
    ("kind", "key", "value"),
    [
        *(("voor", "voor", who) for who in WHO),
        *(("thema", "themas", theme) for theme in THEMES),
    ],
)
def test_every_filter_page_lists_exactly_the_matching_organisations(
    site_dir: Path, kind: str, key: str, value: str
) -> None:
    shown = listed(site_dir / "organisaties" / kind / value / "index.html")
    assert len(shown) == len(set(shown))
    assert set(shown) == {org.id for org in organisations() if value in getattr(org, key)}


@pytest.mark.parametrize("audience", ["kinderen", "jongeren"])
def test_the_childrens_and_youth_pages_list_only_what_serves_them_in_their_words(
    site_dir: Path, audience: str
) -> None:
    path = site_dir / audience / "organisaties" / "index.html"
    chosen = [org for org in organisations() if audience in org.voor]
    assert set(listed(path)) == {org.id for org in chosen}
    text = scan(path).text
    for org in chosen:
        words = " ".join(str(getattr(org, audience)).split())
        assert words in " ".join(text.split()), org.naam
        assert " ".join(org.wat["nl"].split()) not in " ".join(text.split())


def test_the_organisation_pages_are_dutch_only(site_dir: Path) -> None:
    for language in ("fr", "en"):
        assert not list((site_dir / language).rglob("organisaties*")), language
        for path in (site_dir / language).rglob("*.html"):
            assert "data-organisatie=" not in path.read_text(encoding="utf-8"), path


def test_the_language_menu_of_every_organisation_page_offers_this_page_and_the_fr_en_home(
    site_dir: Path,
) -> None:
    # These pages have no translation: the menu must not point at another page's French
    # version (the i18n plugin keeps the previous page's links for pages it did not sort).
    pages = sorted((site_dir / "organisaties").rglob("index.html"))
    assert len(pages) == 1 + len(REGIONS) + len(WHO) + len(THEMES)
    for path in pages:
        html = path.read_text(encoding="utf-8")
        here = "/" + path.parent.relative_to(site_dir).as_posix() + "/"
        dutch = re.findall(r'<a href="([^"]+)" hreflang="nl"', html)
        assert dutch in ([here], ["./"]), (path, dutch)  # Dutch: this very page
        for language in ("fr", "en"):
            links = re.findall(rf'<a href="([^"]+)" hreflang="{language}"', html)
            assert links == [f"/{language}/"], (path, links)


def test_every_page_with_the_map_has_the_text_list_beside_it(site_dir: Path) -> None:
    pages = [site_dir / "organisaties" / "index.html"]
    pages += [site_dir / "organisaties" / region / "index.html" for region in REGIONS]
    for path in pages:
        html = path.read_text(encoding="utf-8")
        nav = html[
            html.index('<nav class="org-regios"') : html.index("</nav>", html.index("org-regios"))
        ]
        map_links = re.findall(
            r'<a href="([^"]+)" class="org-regio-link[^"]*" aria-label="([^"]+)"', nav
        )
        list_links = re.findall(r'<li><a href="([^"]+)"[^>]*>([^<]+)</a>', nav)
        assert [href for href, _ in map_links] == [href for href, _ in list_links], path
        assert [name for _, name in list_links] == list(REGIONS.values())
        for href, label in map_links:
            assert label.startswith(tuple(REGIONS.values())) and "organisaties" in label
            assert (path.parent / href / "index.html").resolve().is_file(), href


def test_cards_call_with_tel_links_and_say_when_free_and_anonymous(site_dir: Path) -> None:
    html = (site_dir / "organisaties" / "index.html").read_text(encoding="utf-8")
    for org in organisations():
        if not org.everywhere:
            continue
        start = html.index(f'data-organisatie="{org.id}"')
        card = html[start : html.index("</article>", start)]
        if org.telefoon:
            digits = re.sub(r"\D", "", org.telefoon)
            assert f'href="tel:{digits}"' in card, org.naam
            # The contact comes first: the phone link before what they do.
            assert card.index("tel:") < card.index('class="org-wat"')
        assert ('class="org-noot">Gratis<' in card) is bool(org.gratis), org.naam
        assert ('class="org-noot">Anoniem<' in card) is bool(org.anoniem), org.naam
