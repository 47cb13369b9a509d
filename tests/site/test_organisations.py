"""The organisation pages of the built site: every region, group and theme page lists exactly
the organisations it should, the children's and youth pages speak in their words."""

from __future__ import annotations

import html as html_module
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from sitebuild.organisations import (
    EVERYWHERE,
    REGIONS,
    THEMES,
    WHO,
    Organisation,
    load,
)
from sitebuild.organisations.labels import LABELS
from tests.support.html import scan
from tests.support.site import ROOT


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


LANGUAGE_ROOTS = {"nl": "", "fr": "fr/", "en": "en/"}


def directory_pages(site: Path, language: str) -> list[Path]:
    """The built pages of /organisaties/ in one language: the map page and every generated one."""
    base = site / LANGUAGE_ROOTS[language] / "organisaties"
    pages = [base / "index.html"]
    pages += [base / slug / "index.html" for slug in REGIONS]
    pages += [base / "voor" / slug / "index.html" for slug in WHO]
    pages += [base / "thema" / slug / "index.html" for slug in THEMES]
    return pages


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_directory_exists_in_french_and_english_with_every_generated_page(
    site_dir: Path, language: str
) -> None:
    labels = LABELS[language]
    pages = directory_pages(site_dir, language)
    built = sorted((site_dir / language / "organisaties").rglob("index.html"))
    assert sorted(pages) == built  # every page there, and nothing else
    for translated, dutch in zip(pages, directory_pages(site_dir, "nl"), strict=True):
        page = scan(translated)
        assert page.lang == language, translated
        # The same organisations as the Dutch page, in the same order.
        assert listed(translated) == listed(dutch), translated
        assert "Organisaties" not in page.text and "Werkt in:" not in page.text
    for slug in REGIONS:
        title = labels.text["region_title"].format(
            name=labels.regions[slug], in_region=labels.in_region[slug]
        )
        page = scan(site_dir / language / "organisaties" / slug / "index.html")
        assert [h1 for h1 in page.all("h1")] and title in page.text, slug
    for slug, (label, _) in labels.who.items():
        assert label in scan(site_dir / language / "organisaties" / "index.html").text, slug


def test_a_french_card_speaks_french_and_marks_the_dutch_it_has_not_translated(
    site_dir: Path,
) -> None:
    html = (site_dir / "fr" / "organisaties" / "limburg" / "index.html").read_text("utf-8")
    for org in organisations():
        if not org.serves("limburg"):
            continue
        start = html.index(f'data-organisatie="{org.id}"')
        card = html[start : html.index("</article>", start)]
        if org.telefoon:
            assert f">Appeler le {org.telefoon}</a>" in card, org.naam
        what = " ".join(card.split('class="org-wat">', 1)[1].split("</p>", 1)[0].split())
        what = html_module.unescape(what)
        if "fr" in org.wat:
            assert what == " ".join(org.wat["fr"].split()), org.naam
        else:
            assert what.startswith('<span lang="nl">'), org.naam
            assert what.endswith('<span class="lang-note">(en néerlandais)</span>'), org.naam


def test_the_language_menu_of_every_directory_page_offers_the_same_page_in_each_language(
    site_dir: Path,
) -> None:
    # The i18n plugin only knows the files it sorted; the generated pages say their own
    # versions, so the menu never points at another page's translation.
    versions = {language: directory_pages(site_dir, language) for language in LANGUAGE_ROOTS}
    for pages in versions.values():
        for index, path in enumerate(pages):
            html = path.read_text(encoding="utf-8")
            here = "/" + path.parent.relative_to(site_dir).as_posix() + "/"
            for other in LANGUAGE_ROOTS:
                links = re.findall(rf'<a href="([^"]+)" hreflang="{other}" class="md-select', html)
                target = "/" + versions[other][index].parent.relative_to(site_dir).as_posix() + "/"
                assert [urljoin(here, link) for link in links] == [target], (path, other, links)


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_every_page_with_the_map_has_the_text_list_beside_it(site_dir: Path, language: str) -> None:
    labels = LABELS[language]
    base = site_dir / LANGUAGE_ROOTS[language] / "organisaties"
    pages = [base / "index.html"] + [base / region / "index.html" for region in REGIONS]
    count = labels.text["count"].split(" ", 1)[1]  # "organisaties", "organisations"
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
        assert [name for _, name in list_links] == list(labels.regions.values())
        for href, label in map_links:
            assert label.startswith(tuple(labels.regions.values())) and count in label
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
