"""sitebuild/contact.py: the one loader of data/contact.yml, and the placeholders."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild.contact import (
    digits,
    fill_placeholders,
    in_language,
    load_contacts,
    lookup,
    phone_numbers,
)
from sitebuild.problems import DataError, Problem
from tests.support.site import ROOT

FACTS = load_contacts(ROOT / "data" / "contact.yml")


def test_the_real_file_holds_the_helpline_and_the_emergency_numbers() -> None:
    assert FACTS["hulplijn"]["telefoon"] == "1712"
    assert {FACTS[name]["telefoon"] for name in ("noodnummer", "politie")} == {"112", "101"}


def test_a_file_that_is_not_yaml_stops_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "contact.yml"
    path.write_text("hulplijn:\n  telefoon: [1712\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"^contact\.yml, regel \d: dit is geen geldige YAML"):
        load_contacts(path)


def test_a_file_that_is_a_list_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "contact.yml"
    path.write_text("- 1712\n", encoding="utf-8")
    with pytest.raises(DataError, match="een lijst van namen met waarden"):
        load_contacts(path)


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [
        ({"nl": "dag", "fr": "jour"}, "fr", "jour"),
        ({"nl": "dag", "fr": "jour"}, "en", "dag"),
        ("Awel", "fr", "Awel"),
        ({"telefoon": "102"}, "fr", {"telefoon": "102"}),  # not a translation: left alone
    ],
)
def test_a_value_in_a_language_falls_back_to_dutch(
    value: object, language: str, expected: object
) -> None:
    assert in_language(value, language) == expected


def test_lookup_follows_dotted_names_and_says_none_for_unknown_ones() -> None:
    assert lookup(FACTS, "awel.telefoon") == "102"
    assert lookup(FACTS, "awel.fax") is None
    assert lookup(FACTS, "awel.telefoon.extra") is None


def test_placeholders_are_filled_in_the_pages_language() -> None:
    text, problems = fill_placeholders(
        "Bel {{ tel:awel }}.\nOpen {{ hulplijn.uren }}.", FACTS, "fr"
    )
    assert text == f"Bel [102](tel:102).\nOpen {FACTS['hulplijn']['uren']['fr']}."
    assert problems == []


def test_an_unknown_placeholder_is_a_problem_with_its_line_and_stays_visible() -> None:
    text, problems = fill_placeholders(
        "Eerst.\nBel {{ tel:brandweer }} of {{ awel.fax }}.", FACTS, "nl"
    )
    assert text == "Eerst.\nBel {{ tel:brandweer }} of {{ awel.fax }}."
    assert [problem.line for problem in problems] == [2, 2]
    assert problems[0].message.startswith("'{{ tel:brandweer }}' kent geen telefoonnummer.")
    assert problems[1].message.startswith("'{{ awel.fax }}' staat niet in data/contact.yml.")
    assert problems[1].at("docs/x.md") == f"docs/x.md, regel 2: {problems[1].message}"
    assert isinstance(problems[0], Problem)


def test_phone_numbers_know_which_number_is_also_a_name() -> None:
    numbers = {number.number: number for number in phone_numbers(FACTS)}
    assert numbers["1712"].is_name and numbers["1712"].name == "hulplijn"
    assert not numbers["106"].is_name and numbers["106"].name == "tele_onthaal"


@pytest.mark.parametrize(
    ("number", "expected"), [("116 000", "116000"), ("09/123.45-67", "091234567")]
)
def test_digits_drop_what_a_tel_link_cannot_hold(number: str, expected: str) -> None:
    assert digits(number) == expected
