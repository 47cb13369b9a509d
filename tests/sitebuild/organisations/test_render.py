"""sitebuild/organisations/render.py: cards, regions and filters from the Jinja partials, in
the page's words, called directly (no MkDocs)."""

from __future__ import annotations

from sitebuild.organisations.data import Organisation
from sitebuild.organisations.labels import LABELS
from sitebuild.organisations.render import VOICES, cards, filters, html_block, regions, templates
from tests.support.site import ROOT

ENV = templates(ROOT / "overrides")


def _org(**changes: object) -> Organisation:
    fields: dict[str, object] = {
        "id": "voorbeeld",
        "naam": 'Huis "<Zorg>" & co',
        "wat": {"nl": "Helpt mensen.", "en": "Helps people."},
        "voor": ["volwassenen", "kinderen"],
        "themas": ["partnergeweld"],
        "regios": ["limburg", "antwerpen"],
        "telefoon": "09 123 45 67",
        "website": "https://www.voorbeeld.be",
        "chat": None,
        "uren": {"nl": "dag en nacht", "fr": "jour et nuit", "en": "day and night"},
        "gratis": True,
        "anoniem": False,
        "nazicht": None,
        "line": 1,
        "kinderen": "Hier kan je praten.",
    }
    return Organisation(**{**fields, **changes})  # type: ignore[arg-type]


def test_a_card_calls_first_and_escapes_what_it_is_given() -> None:
    html = cards(ENV, [_org()], LABELS["nl"], 3)
    assert html.startswith(
        '<div class="org-kaarten">\n<article class="org-kaart" id="org-voorbeeld"'
    )
    assert '<h3 class="org-naam">Huis &#34;&lt;Zorg&gt;&#34; &amp; co</h3>' in html
    assert '<li><a class="org-bel" href="tel:091234567">Bel 09 123 45 67</a></li>' in html
    assert html.index("tel:") < html.index('class="org-wat"')
    assert '<p class="org-uren">Bereikbaar: dag en nacht</p>' in html
    assert '<li class="org-noot">Gratis</li>' in html and "Anoniem" not in html
    assert '<p class="org-regio">Werkt in: Limburg, Antwerpen</p>' in html
    assert "\n\n" not in html and "\n " not in html  # one raw HTML block for Markdown


def test_a_card_speaks_the_pages_language_and_marks_dutch_it_could_not_translate() -> None:
    english = cards(ENV, [_org()], LABELS["en"], 3)
    assert '<p class="org-wat">Helps people.</p>' in english
    assert '<p class="org-uren">Open: day and night</p>' in english
    assert '<p class="org-regio">Works in: Limburg, Antwerp</p>' in english
    french = cards(ENV, [_org()], LABELS["fr"], 3)
    assert (
        '<p class="org-wat"><span lang="nl">Helpt mensen.</span> '
        '<span class="lang-note">(en néerlandais)</span></p>'
    ) in french
    assert "Appeler le 09 123 45 67" in french and "Gratuit" in french


def test_a_card_for_children_uses_their_words_and_no_regions() -> None:
    html = cards(ENV, [_org()], LABELS["nl"], 2, VOICES["kinderen"])
    assert '<p class="org-wat">Hier kan je praten.</p>' in html
    assert '<li class="org-noot">Het kost niets</li>' in html
    assert '<p class="org-uren">Wanneer: dag en nacht</p>' in html
    assert "org-regio" not in html and "<h2" in html


def test_the_region_list_marks_the_current_region_and_counts() -> None:
    counts = dict.fromkeys(LABELS["fr"].regions, 3)
    html = regions(ENV, LABELS["fr"], "../", "limburg", counts)
    assert '<li><a href="../limburg/" aria-current="page">Limbourg</a>' in html
    assert '<span class="org-aantal">(3 organisations)</span>' in html
    assert 'aria-label="Anvers (3 organisations)"' in html  # the map's link
    assert "Carte de la Flandre et de Bruxelles" in html


def test_filters_link_to_each_group_and_theme_page_and_mark_the_current_one() -> None:
    html = filters(ENV, LABELS["en"], "../../", ("thema", "stalking"))
    assert '<a href="../../voor/plegers/" data-waarde="plegers">People who use violence</a>' in html
    assert (
        '<a href="../../thema/stalking/" data-waarde="stalking" aria-current="page">Stalking</a>'
    ) in html
    assert html.count("aria-current") == 1


def test_an_html_block_has_no_blank_lines_and_no_indentation() -> None:
    assert html_block("<div>\n\n   <p>a</p>\n</div>\n") == "<div>\n<p>a</p>\n</div>"
