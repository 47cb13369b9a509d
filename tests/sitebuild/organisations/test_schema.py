"""sitebuild/organisations/schema.py and rules.py: data/organisaties.yml, its checks and their
exact Dutch messages, called directly (no MkDocs)."""

from __future__ import annotations

import re
import textwrap

import pytest

from sitebuild.contact import load_contacts
from sitebuild.organisations import (
    REGIONS,
    Organisation,
    check,
    is_belgian_number,
    load,
)
from tests.support.site import ROOT

CONTACT = load_contacts(ROOT / "data" / "contact.yml")

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
