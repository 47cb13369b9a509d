"""The organisation map: the data file, its Dutch error messages and the pages built from it."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from hooks.organisations import (
    EVERYWHERE,
    REGIONS,
    THEMES,
    WHO,
    Organisation,
    check,
    is_belgian_number,
    load,
)
from tests.support.html import scan
from tests.support.site import ROOT, copy_of_project
from tools.build_site import BuildError, build_site

CONTACT = yaml.safe_load((ROOT / "data" / "contact.yml").read_text(encoding="utf-8"))

# A correct entry; each bad-data case below changes one line of it.
GOOD = textwrap.dedent(
    """\
    - id: voorbeeld
      naam: Voorbeeld vzw
      wat:
        nl: Helpt mensen die geweld meemaken.
      voor: [volwassenen, slachtoffers]
      themas: [partnergeweld]
      regios: [limburg]
      contact:
        website: https://www.voorbeeld.be
      gratis: true
      anoniem: null
      nazicht:
    """
)


def problems_of(text: str) -> list[str]:
    return check(text, CONTACT).problems


def organisations() -> list[Organisation]:
    result = load(ROOT)
    assert result.problems == []
    return result.organisations


# --- the data file -------------------------------------------------------------------


def test_the_data_file_validates() -> None:
    assert len(organisations()) >= 25


def test_the_data_holds_the_organisations_a_helper_refers_to_daily() -> None:
    ids = {org.id for org in organisations()}
    required = {
        "hulplijn-1712",
        "noodnummer-112",
        "politie-101",
        "tele-onthaal",
        "awel-102",
        "child-focus",
        "zorgcentra-seksueel-geweld",
        "sensoa",
        "vzw-zijn",
        "zij-kant",
        "slachtofferhulp-caw",
        "justitiehuis-slachtofferonthaal",
        "juridische-eerstelijnsbijstand",
        "bureau-juridische-bijstand",
    }
    assert required <= ids
    for region in REGIONS:
        # The CAW of each region and the Vertrouwenscentrum Kindermishandeling of each province.
        assert f"caw-{region}" in ids
        assert f"vk-{region}" in ids


def test_phone_numbers_come_from_contact_yml_and_child_focus_is_116_000() -> None:
    by_id = {org.id: org for org in organisations()}
    assert by_id["hulplijn-1712"].telefoon == CONTACT["hulplijn"]["telefoon"] == "1712"
    assert by_id["noodnummer-112"].telefoon == CONTACT["noodnummer"]["telefoon"] == "112"
    assert by_id["politie-101"].telefoon == CONTACT["politie"]["telefoon"] == "101"
    assert by_id["tele-onthaal"].telefoon == CONTACT["tele_onthaal"]["telefoon"] == "106"
    assert by_id["awel-102"].telefoon == CONTACT["awel"]["telefoon"] == "102"
    assert by_id["child-focus"].telefoon == "116 000"
    text = (ROOT / "data" / "organisaties.yml").read_text(encoding="utf-8")
    for number in ("1712", "112", "101", "106", "102"):
        assert not re.search(rf"telefoon:\s*\"?{number}\"?\s*$", text, re.M), number


def test_every_website_and_chat_is_https() -> None:
    for org in organisations():
        for address in (org.website, org.chat):
            assert address is None or address.startswith("https://"), org.naam


def test_entries_without_a_review_are_the_ones_listed_for_editors() -> None:
    result = load(ROOT)
    unchecked = {org.naam for org in result.needing_review()}
    assert "1712" not in unchecked  # every fact of 1712 comes from data/contact.yml
    assert "Sensoa" in unchecked  # only a website: an editor must still check it
    assert all(org.nazicht is None for org in result.needing_review())


@pytest.mark.parametrize(
    "number", ["1712", "112", "116 000", "09 123 45 67", "0470 12 34 56", "+32 9 123 45 67"]
)
def test_belgian_numbers_are_accepted(number: str) -> None:
    assert is_belgian_number(number)


@pytest.mark.parametrize("number", ["12", "+31 20 123 4567", "0031 20 123 4567", "09 123", "bel"])
def test_other_numbers_are_refused(number: str) -> None:
    assert not is_belgian_number(number)


# --- each bad-data case gives its exact Dutch message ---------------------------------


def test_the_good_example_has_no_problems() -> None:
    assert problems_of(GOOD) == []


BAD_CASES = {
    "missing field": (
        ("  themas: [partnergeweld]\n", ""),
        "data/organisaties.yml, regel 1 (Voorbeeld vzw): het veld 'themas' ontbreekt. "
        "Voeg 'themas:' toe met de vormen van geweld, bv. [partnergeweld].",
    ),
    "unknown region": (
        ("regios: [limburg]", "regios: [limburg, gent]"),
        "data/organisaties.yml, regel 7 (Voorbeeld vzw): 'gent' is geen gekende regio. "
        "Kies uit: antwerpen, limburg, oost-vlaanderen, west-vlaanderen, vlaams-brabant, "
        "brussel, vlaanderen-en-brussel.",
    ),
    "unknown theme": (
        ("themas: [partnergeweld]", "themas: [pesten]"),
        "data/organisaties.yml, regel 6 (Voorbeeld vzw): 'pesten' is geen gekend thema. "
        "Kies uit: kindermishandeling, partnergeweld, seksueel-geweld, "
        "geweld-tegen-volwassenen, ouderenmishandeling, vechtscheiding, stalking, online-geweld.",
    ),
    "foreign phone number": (
        ("    website:", '    telefoon: "+31 20 123 4567"\n    website:'),
        "data/organisaties.yml, regel 9 (Voorbeeld vzw): '+31 20 123 4567' is geen Belgisch "
        "telefoonnummer. Schrijf een kort nummer zoals 1712 of 116 000, of een nummer van 9 of "
        "10 cijfers dat met 0 of +32 begint.",
    ),
    "website over http": (
        ("https://www.voorbeeld.be", "http://www.voorbeeld.be"),
        "data/organisaties.yml, regel 9 (Voorbeeld vzw): het webadres 'http://www.voorbeeld.be' "
        "begint met http://. Schrijf https:// (veilig).",
    ),
    "website without scheme": (
        ("https://www.voorbeeld.be", "www.voorbeeld.be"),
        "data/organisaties.yml, regel 9 (Voorbeeld vzw): het webadres 'www.voorbeeld.be' begint "
        "niet met https://. Schrijf het volledige adres, bv. https://www.voorbeeld.be.",
    ),
    "unknown field": (
        ("regios: [limburg]", "regio: [limburg]"),
        "data/organisaties.yml, regel 1 (Voorbeeld vzw): het veld 'regios' ontbreekt. Voeg "
        "'regios:' toe met de regio's, bv. [antwerpen] of [vlaanderen-en-brussel].",
    ),
    "free is not a yes or no": (
        ("gratis: true", "gratis: ja"),
        "data/organisaties.yml, regel 10 (Voorbeeld vzw): 'gratis' moet true (ja), false (nee) "
        "of null (weten we niet) zijn, niet 'ja'.",
    ),
    "a number contact.yml already holds": (
        ("    website:", '    telefoon: "1712"\n    website:'),
        "data/organisaties.yml, regel 9 (Voorbeeld vzw): het nummer 1712 staat al in "
        "data/contact.yml (bij 'hulplijn'). Schrijf 'gegevens_uit: hulplijn' in plaats van het "
        "nummer te typen, zodat het op één plek blijft.",
    ),
    "unknown source in contact.yml": (
        ("    website:", "    gegevens_uit: brandweer\n    website:"),
        "data/organisaties.yml, regel 9 (Voorbeeld vzw): 'gegevens_uit: brandweer' staat niet "
        "in data/contact.yml. Kies uit: "
        + ", ".join(name for name, value in CONTACT.items() if isinstance(value, dict))
        + ".",
    ),
    "for children without children's words": (
        ("voor: [volwassenen, slachtoffers]", "voor: [kinderen, slachtoffers]"),
        "data/organisaties.yml, regel 5 (Voorbeeld vzw): 'kinderen' staat bij 'voor', maar de "
        "tekst 'kinderen:' ontbreekt. Schrijf in één of twee korte zinnen, in woorden voor "
        "kinderen, wat ze voor hen doen.",
    ),
    "a sentence too long for children": (
        (
            "voor: [volwassenen, slachtoffers]",
            "voor: [kinderen, slachtoffers]\n  kinderen: " + "heel " * 20 + "lang.",
        ),
        "data/organisaties.yml, regel 6 (Voorbeeld vzw): deze zin is te lang voor kinderen "
        '(21 woorden, hoogstens 20): "' + "heel " * 20 + 'lang." Maak er twee of meer korte '
        "zinnen van.",
    ),
    "everywhere and a region": (
        ("regios: [limburg]", "regios: [limburg, vlaanderen-en-brussel]"),
        "data/organisaties.yml, regel 7 (Voorbeeld vzw): 'vlaanderen-en-brussel' betekent al: "
        "overal. Laat de andere regio's weg.",
    ),
    "review without a name": (
        ("  nazicht:\n", "  nazicht:\n    datum: 2026-11-22\n"),
        "data/organisaties.yml, regel 12 (Voorbeeld vzw): het veld 'door' ontbreekt onder "
        "'nazicht'. Voeg 'door:' toe met wie de gegevens heeft nagekeken.",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_each_bad_entry_gets_its_dutch_message(case: str) -> None:
    (old, new), message = BAD_CASES[case]
    assert old in GOOD
    assert message in problems_of(GOOD.replace(old, new, 1))


def test_an_unknown_field_is_named() -> None:
    problems = problems_of(GOOD.replace("regios: [limburg]", "regio: [limburg]"))
    assert (
        "data/organisaties.yml, regel 7 (Voorbeeld vzw): het veld 'regio' kennen we niet. "
        "Controleer de schrijfwijze; mogelijke velden: id, naam, wat, kinderen, jongeren, voor, "
        "themas, regios, contact, gratis, anoniem, nazicht."
    ) in problems


def test_a_problem_in_the_second_entry_names_that_entry_and_its_line() -> None:
    second = GOOD.replace("id: voorbeeld", "id: tweede").replace("Voorbeeld vzw", "Tweede vzw")
    text = GOOD + "\n" + second.replace("themas: [partnergeweld]", "themas: [pesten]")
    assert problems_of(text) == [
        "data/organisaties.yml, regel 19 (Tweede vzw): 'pesten' is geen gekend thema. "
        "Kies uit: kindermishandeling, partnergeweld, seksueel-geweld, "
        "geweld-tegen-volwassenen, ouderenmishandeling, vechtscheiding, stalking, online-geweld."
    ]


def test_a_repeated_id_points_to_the_first_one() -> None:
    text = GOOD + "\n" + GOOD.replace("Voorbeeld vzw", "Kopie")
    assert problems_of(text) == [
        "data/organisaties.yml, regel 14 (Kopie): de id 'voorbeeld' komt al voor op regel 1. "
        "Geef elke organisatie een eigen id."
    ]


def test_broken_yaml_gives_the_line() -> None:
    assert problems_of(GOOD.replace("  naam: Voorbeeld vzw", "  naam: [Voorbeeld vzw")) == [
        "data/organisaties.yml, regel 3: dit is geen geldige YAML. Kijk na of de inspringing "
        "klopt en of elke organisatie met '- id:' begint."
    ]


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


def test_the_generated_organisation_pages_are_dutch_only(site_dir: Path) -> None:
    # The directory's own page has an English version (docs/organisaties/index.en.md) that
    # leads to the Dutch directory; the region, group and theme pages are Dutch only.
    for language in ("fr", "en"):
        folder = site_dir / language / "organisaties"
        assert [p for p in folder.rglob("*.html") if p != folder / "index.html"] == [], language
        for path in (site_dir / language).rglob("*.html"):
            assert "data-organisatie=" not in path.read_text(encoding="utf-8"), path


def test_the_language_menu_of_every_organisation_page_offers_this_page_or_the_fr_en_home(
    site_dir: Path,
) -> None:
    # A page without a translation must not point at another page's French or English
    # version (the i18n plugin keeps the previous page's links for pages it did not sort):
    # its menu offers the home page of that language; a translated page offers its own.
    pages = sorted((site_dir / "organisaties").rglob("index.html"))
    assert len(pages) == 1 + len(REGIONS) + len(WHO) + len(THEMES)
    for path in pages:
        html = path.read_text(encoding="utf-8")
        here = "/" + path.parent.relative_to(site_dir).as_posix() + "/"
        dutch = re.findall(r'<a href="([^"]+)" hreflang="nl"', html)
        assert dutch in ([here], ["./"]), (path, dutch)  # Dutch: this very page
        for language in ("fr", "en"):
            translated = (site_dir / language / here.lstrip("/") / "index.html").is_file()
            expected = f"/{language}{here}" if translated else f"/{language}/"
            links = re.findall(rf'<a href="([^"]+)" hreflang="{language}"', html)
            assert [urljoin(here, link) for link in links] == [expected], (path, links)


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


# --- a temporary copy of the site with one more organisation --------------------------

NEW_ENTRY = textwrap.dedent(
    """
    - id: testhuis-limburg
      naam: Testhuis Limburg
      wat:
        nl: Een organisatie die alleen in deze test bestaat.
      kinderen: Hier kan je terecht als je je zorgen maakt.
      jongeren: Hier kan je terecht met je vragen over stalking.
      voor: [kinderen, jongeren, slachtoffers]
      themas: [stalking]
      regios: [limburg]
      contact:
        website: https://www.testhuis.be
      gratis: true
      anoniem: true
      nazicht:
    """
)


@pytest.fixture(scope="module")
def site_with_one_more(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = copy_of_project(tmp_path_factory.mktemp("project"))
    with (root / "data" / "organisaties.yml").open("a", encoding="utf-8") as data:
        data.write(NEW_ENTRY)
    out = tmp_path_factory.mktemp("site")
    result = build_site(out, root=root)
    return out, result.text


@pytest.mark.parametrize(
    "page",
    [
        "organisaties/limburg",
        "organisaties/voor/kinderen",
        "organisaties/voor/jongeren",
        "organisaties/voor/slachtoffers",
        "organisaties/thema/stalking",
        "kinderen/organisaties",
        "jongeren/organisaties",
    ],
)
def test_a_new_organisation_appears_on_every_page_it_belongs_on(
    site_with_one_more: tuple[Path, str], page: str
) -> None:
    out, _ = site_with_one_more
    assert "testhuis-limburg" in listed(out / page / "index.html")


@pytest.mark.parametrize(
    "page",
    [
        "organisaties",
        "organisaties/antwerpen",
        "organisaties/brussel",
        "organisaties/voor/plegers",
        "organisaties/thema/partnergeweld",
    ],
)
def test_a_new_organisation_stays_off_the_pages_it_does_not_belong_on(
    site_with_one_more: tuple[Path, str], page: str
) -> None:
    out, _ = site_with_one_more
    assert "testhuis-limburg" not in listed(out / page / "index.html")


def test_the_build_lists_the_new_unchecked_organisation_for_editors(
    site_with_one_more: tuple[Path, str],
) -> None:
    out, text = site_with_one_more
    lines = (ROOT / "data" / "organisaties.yml").read_text(encoding="utf-8").count("\n")
    assert f"  - regel {lines + 2}: Testhuis Limburg" in text
    # For editors only: the pages never say that an entry still needs checking.
    for path in out.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        if "data-organisatie=" in html:
            assert "nagekeken" not in html and "nazicht" not in html, path


def test_a_bad_entry_stops_the_build_with_the_dutch_message(tmp_path: Path) -> None:
    (tmp_path / "project").mkdir()
    root = copy_of_project(tmp_path / "project")
    with (root / "data" / "organisaties.yml").open("a", encoding="utf-8") as data:
        data.write(NEW_ENTRY.replace("https://www.testhuis.be", "http://www.testhuis.be"))
    lines = (ROOT / "data" / "organisaties.yml").read_text(encoding="utf-8").count("\n")
    with pytest.raises(BuildError) as failure:
        build_site(tmp_path / "site", root=root, only="jongeren")
    assert (
        f"data/organisaties.yml, regel {lines + 12} (Testhuis Limburg): het webadres "
        f"'http://www.testhuis.be' begint met http://. Schrijf https:// (veilig)."
    ) in str(failure.value)
