"""sitebuild/organisations/pages.py: the generated pages in each language and the content
behind each marker, called directly (no MkDocs)."""

from __future__ import annotations

import pytest
import yaml

from sitebuild.frontmatter import split
from sitebuild.organisations import REGIONS, THEMES, WHO, load
from sitebuild.organisations.labels import LABELS
from sitebuild.organisations.pages import Directory, expand, organisation_pages
from sitebuild.organisations.render import templates
from tests.support.site import ROOT

DIRECTORY = Directory(
    load(ROOT).organisations,
    templates(ROOT / "overrides"),
    audiences={"volwassenen": "/", "kinderen": "/kinderen/", "jongeren": "/jongeren/"},
)


@pytest.mark.parametrize(
    ("language", "suffix"), [("nl", ".md"), ("fr", ".fr.md"), ("en", ".en.md")]
)
def test_every_region_group_and_theme_has_a_page_in_each_language(
    language: str, suffix: str
) -> None:
    pages = organisation_pages(language)
    expected = (
        [f"organisaties/{slug}{suffix}" for slug in REGIONS]
        + [f"organisaties/voor/{slug}{suffix}" for slug in WHO]
        + [f"organisaties/thema/{slug}{suffix}" for slug in THEMES]
    )
    assert [page.src_uri for page in pages] == expected
    for page in pages:
        source = split(page.markdown)
        assert source.meta["title"] and len(source.meta["description"]) > 40
        assert source.body.startswith(f"# {source.meta['title']}\n")
        assert "<!-- organisaties: " in source.body


def test_titles_are_written_in_their_language() -> None:
    titles = {
        language: {
            page.src_uri.split(".")[0]: split(page.markdown).meta["title"]
            for page in organisation_pages(language)
        }
        for language in ("nl", "fr", "en")
    }
    assert titles["nl"]["organisaties/antwerpen"] == "Organisaties in Antwerpen"
    assert titles["fr"]["organisaties/antwerpen"] == "Organisations dans la province d'Anvers"
    assert titles["en"]["organisaties/brussel"] == "Organisations in Brussels"
    assert (
        titles["fr"]["organisaties/thema/stalking"]
        == "Organisations en cas de harcèlement obsessionnel"
    )
    assert (
        titles["en"]["organisaties/voor/getuigen"]
        == "Organisations for people who see or hear violence"
    )


def test_front_matter_survives_quotes_in_a_title() -> None:
    for language in ("nl", "fr", "en"):
        for page in organisation_pages(language):
            front = page.markdown.split("---\n")[1]
            assert isinstance(yaml.safe_load(front), dict)


def test_the_labels_cover_every_slug_in_every_language() -> None:
    for labels in LABELS.values():
        assert set(labels.regions) == set(labels.in_region) == set(REGIONS)
        assert set(labels.who) == set(WHO) and set(labels.themes) == set(THEMES)
        assert set(labels.text) == set(LABELS["nl"].text)


def test_an_unknown_marker_is_a_problem_with_its_line_and_stays() -> None:
    markdown = "# T\n\n<!-- organisaties: overal -->\n"
    expanded, problems = expand(markdown, DIRECTORY, "nl")
    assert expanded == markdown
    assert [problem.line for problem in problems] == [3]
    assert problems[0].message.startswith("'<!-- organisaties: overal -->' kennen we niet.")


def test_a_theme_page_links_to_the_theme_in_its_language_or_to_the_dutch_page() -> None:
    marker = "<!-- organisaties: thema stalking -->\n"
    dutch, _ = expand(marker, DIRECTORY, "nl")
    assert "[Wat is stalking?](../../geweld/stalking.md)" in dutch
    french, _ = expand(marker, DIRECTORY, "fr", topics={"stalking"})
    assert (
        "[Harcèlement obsessionnel\u00a0: de quoi s'agit-il\u00a0?](../../geweld/stalking.md)"
        in french
    )
    english, _ = expand(marker, DIRECTORY, "en", topics=())
    assert "[What is stalking?](../../../../geweld/stalking/)" in english


def test_the_childrens_group_page_points_to_the_childrens_site() -> None:
    english, _ = expand("<!-- organisaties: voor kinderen -->\n", DIRECTORY, "en")
    assert english.startswith("Are you a child? The [site for children](/kinderen/organisaties/)")


def test_the_childrens_own_page_is_dutch_and_has_only_what_serves_them() -> None:
    page, problems = expand("<!-- organisaties: kinderen -->\n", DIRECTORY, "nl")
    assert problems == []
    for org in DIRECTORY.organisations:
        assert (f'data-organisatie="{org.id}"' in page) is ("kinderen" in org.voor), org.id
