"""The editors' content checks: each one fires on a page that breaks it, with the exact
message, stays quiet on correct pages, and the real content of all three sites passes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitebuild import editor_checks
from sitebuild.contact import load_contacts, phone_numbers
from tests.support.site import copy_of_project
from tools.build_site import BuildError, build_site

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "editor_checks"
FACTS = load_contacts(ROOT / "data" / "contact.yml")
NUMBERS = phone_numbers(FACTS)


def messages(fixture: str, *, for_children: bool = False) -> list[str]:
    text = (FIXTURES / fixture).read_text(encoding="utf-8")
    problems = editor_checks.check_page(text, facts=FACTS, for_children=for_children)
    return [problem.at(f"docs/{fixture}") for problem in problems]


def test_an_image_without_alt_text_is_reported_with_what_to_write() -> None:
    assert messages("image_without_alt.md") == [
        "docs/image_without_alt.md, regel 10: de afbeelding 'hulpverlener.jpg' heeft geen "
        "alt-tekst. Wie de afbeelding niet ziet, hoort die tekst. Schrijf tussen de vierkante "
        "haken kort wat er te zien is, bijvoorbeeld ![Een meisje belt met een hulpverlener]"
        "(../assets/images/hulpverlener.jpg)."
    ]


def test_alt_text_that_is_a_file_name_is_reported() -> None:
    assert messages("image_alt_is_file_name.md") == [
        "docs/image_alt_is_file_name.md, regel 8: de alt-tekst 'IMG_2041.jpg' van de "
        "afbeelding 'IMG_2041.jpg' is een bestandsnaam. Beschrijf in gewone woorden wat er op "
        "de afbeelding te zien is."
    ]


def test_a_link_text_that_says_nothing_is_reported() -> None:
    assert messages("vague_link_text.md") == [
        "docs/vague_link_text.md, regel 8: de linktekst 'Klik hier' zegt niet waar de link "
        "naartoe gaat. Schrijf de bestemming in de linktekst, bijvoorbeeld 'lees hoe je 1712 "
        "mailt' in plaats van 'Klik hier'."
    ]


def test_a_french_link_text_that_says_nothing_is_reported_too() -> None:
    assert messages("vague_link_text_fr.md") == [
        "docs/vague_link_text_fr.md, regel 8: de linktekst 'cliquez ici' zegt niet waar de "
        "link naartoe gaat. Schrijf de bestemming in de linktekst, bijvoorbeeld 'lees hoe je "
        "1712 mailt' in plaats van 'cliquez ici'."
    ]


@pytest.mark.parametrize(
    "text",
    ["hier", "Lees meer", "meer info", "link", "ici", "click here", "here", "Read more…"],
)
def test_every_listed_empty_link_text_is_reported(text: str) -> None:
    page = editor_checks.read_page(f"---\ndescription: x\n---\n\n# T\n\nZie [{text}](x.md).\n")
    assert [problem.line for problem in editor_checks.check_links(page)] == [7]


def test_a_bare_web_address_as_link_text_is_reported() -> None:
    assert messages("bare_url_link.md") == [
        "docs/bare_url_link.md, regel 9: de linktekst 'https://www.awel.be' is een webadres. "
        "Een schermlezer leest dat letter per letter voor. Schrijf in woorden waar de link "
        "naartoe gaat, bijvoorbeeld [de website van Awel](https://www.awel.be)."
    ]


def test_a_skipped_heading_level_is_reported() -> None:
    assert messages("skipped_heading_level.md") == [
        "docs/skipped_heading_level.md, regel 10: de kop '### Signalen' slaat een niveau over: "
        "de kop ervoor had niveau 1. Schrijf '## Signalen' of voeg eerst een kop van niveau 2 "
        "toe."
    ]


def test_a_second_main_heading_is_reported() -> None:
    assert messages("two_main_headings.md") == [
        "docs/two_main_headings.md, regel 10: de kop '# Wat kan je doen?' is een tweede "
        "hoofdtitel. Een pagina heeft maar één kop met één '#'. Maak er een kop van niveau 2 "
        "van: '## Wat kan je doen?'."
    ]


def test_a_main_heading_on_a_home_page_is_reported_because_the_template_prints_it() -> None:
    assert messages("home_page_with_heading.md") == [
        "docs/home_page_with_heading.md, regel 7: de kop '# Welkom' is een tweede hoofdtitel: "
        "op een startpagina (template: home.html) maakt de website de hoofdtitel uit 'title:'. "
        "Maak er een kop van niveau 2 van: '## Welkom'."
    ]


def test_a_home_page_without_a_main_heading_in_its_markdown_is_correct() -> None:
    assert messages("home_page_without_heading.md") == []


def test_a_page_without_description_is_reported() -> None:
    assert messages("no_description.md") == [
        "docs/no_description.md, regel 1: deze pagina heeft geen beschrijving. Zet bovenaan, "
        "tussen de twee lijnen '---', een regel 'description: \"…\"' met één zin over wat er op "
        "de pagina staat. Zoekmachines en gedeelde links tonen die zin."
    ]


def test_phone_numbers_typed_by_hand_are_reported_with_their_placeholder() -> None:
    # "Dan belt 1712 je terug" on the same page is the helpline's name: not reported.
    assert messages("phone_number_by_hand.md") == [
        "docs/phone_number_by_hand.md, regel 8: het telefoonnummer 106 is met de hand getypt. "
        "Schrijf '{{ tel:tele_onthaal }}' voor een link die het nummer belt, of "
        "'{{ tele_onthaal.telefoon }}' voor alleen het nummer. Dan komt het uit "
        "data/contact.yml en klopt het overal.",
        "docs/phone_number_by_hand.md, regel 9: het telefoonnummer 102 is met de hand getypt. "
        "Schrijf '{{ tel:awel }}' voor een link die het nummer belt, of '{{ awel.telefoon }}' "
        "voor alleen het nummer. Dan komt het uit data/contact.yml en klopt het overal.",
    ]


def test_a_tel_link_to_1712_typed_by_hand_is_reported() -> None:
    assert messages("phone_number_tel_link.md") == [
        "docs/phone_number_tel_link.md, regel 8: het telefoonnummer 1712 is met de hand getypt. "
        "Schrijf '{{ tel:hulplijn }}' voor een link die het nummer belt, of "
        "'{{ hulplijn.telefoon }}' voor alleen het nummer. Dan komt het uit data/contact.yml "
        "en klopt het overal."
    ]


def test_placeholders_the_helplines_name_and_code_examples_are_not_reported() -> None:
    assert messages("placeholders_and_code.md") == []


def test_a_sentence_over_twenty_words_on_a_childrens_page_is_quoted() -> None:
    assert messages("kids_long_sentence.md", for_children=True) == [
        "docs/kids_long_sentence.md, regel 8: deze zin is te lang voor kinderen (29 woorden, "
        'hoogstens 20): "Geweld is als iemand je pijn doet, en dat kan ook gebeuren als die '
        'persoon je mama, je papa of je juf is en zegt dat het normaal is." Maak er twee of '
        "meer korte zinnen van."
    ]


def test_long_sentences_are_allowed_on_adult_pages() -> None:
    assert messages("kids_long_sentence.md", for_children=False) == []


def test_an_average_over_twelve_words_on_a_childrens_page_is_reported() -> None:
    assert messages("kids_long_average.md", for_children=True) == [
        "docs/kids_long_average.md, regel 1: de zinnen op deze pagina tellen gemiddeld 15,7 "
        "woorden; voor kinderen is dat hoogstens 12. Maak de langste zinnen korter of splits "
        "ze in twee."
    ]


def test_list_items_and_lines_of_one_sentence_are_counted_as_written() -> None:
    page = editor_checks.read_page(
        "---\ndescription: x\n---\n\n# Titel\n\nDit is een zin\ndie verder loopt. En nog een.\n"
        "\n- een punt\n- nog een punt\n"
    )
    assert [(line, count) for line, _, count in editor_checks.sentences(page)] == [
        (7, 7),
        (8, 3),
        (10, 2),
        (11, 3),
    ]


@pytest.mark.build
def test_a_childrens_page_that_breaks_a_check_fails_the_strict_build_with_the_message(
    tmp_path: Path,
) -> None:
    root = copy_of_project(tmp_path / "project")
    shutil.copy(FIXTURES / "kids_long_sentence.md", root / "kids" / "lange-zin.md")
    with pytest.raises(BuildError) as failed:
        build_site(tmp_path / "site", root=root, only="kinderen")
    assert (
        "WARNING -  kids/lange-zin.md, regel 8: deze zin is te lang voor kinderen (29 woorden, "
        "hoogstens 20)" in str(failed.value)
    )


@pytest.mark.build
def test_the_real_content_of_every_site_passes_every_check() -> None:
    found = []
    for folder, for_children in (("docs", False), ("kids", True), ("youth", False)):
        for path in sorted((ROOT / folder).rglob("*.md")):
            source = path.relative_to(ROOT).as_posix()
            news_item = source.startswith("docs/nieuws/") and path.name != "index.md"
            problems = editor_checks.check_page(
                path.read_text(encoding="utf-8"),
                facts=FACTS,
                for_children=for_children,
                needs_description=not news_item,
            )
            found += [problem.at(source) for problem in problems]
    assert found == []


@pytest.mark.build
def test_a_strict_build_of_the_repository_succeeds_without_a_check_message(
    tmp_path: Path,
) -> None:
    result = build_site(tmp_path / "site")
    assert "WARNING" not in result.text


def test_digits_in_web_addresses_images_and_larger_numbers_are_not_phone_numbers() -> None:
    page = editor_checks.read_page(
        "---\ndescription: x\n---\n\n# T\n\n"
        '<img src="img/112.png" alt="Een bord"> [Awel](https://x.be/106) telde 4.112 en 1102.\n'
        "In nood: 112.\n"
    )
    problems = editor_checks.check_phone_numbers(page, NUMBERS)
    assert [(problem.line, problem.message.split(" is ")[0]) for problem in problems] == [
        (8, "het telefoonnummer 112")
    ]
