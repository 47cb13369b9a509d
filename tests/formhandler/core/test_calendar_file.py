"""Reading the calendar section of data/contact.yml: each mistake an editor can make is
told in Dutch, with the file and the line to look at (EDITING.md quotes these)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from formhandler.core.calendar_file import CONTACT_FILE, SCHEMA_FILE, CalendarError, parse_calendar
from formhandler.core.yaml_lines import plain

REAL = CONTACT_FILE.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ('van: "09:00"', 'van: "9u"', r"'9u' bij 'telefoon: van' is geen uur"),
        ('tot: "17:00"', 'tot: "08:00"', r"'tot' moet later zijn dan 'van'"),
        ("[maandag, dinsdag,", "[maandga, dinsdag,", r"is maandga geen dag"),
        ("antwoordtermijn_werkdagen: 2", "antwoordtermijn_werkdagen: twee", r"aantal werkdagen"),
        ("tijdzone: Europe/Brussels", "tijdzone: Brussel", r"'Brussel' is geen tijdzone"),
        ("  sluitingsdagen: []", "  sluitingsdagen:\n    - datum: 24 december", r"een 'datum' als"),
        ("  sluitingsdagen: []", "  sluitingsdagen:\n    - datum: 2026-12-32", r"geen datum die"),
    ],
)
def test_a_mistake_in_the_calendar_is_told_in_dutch_with_its_line(
    tmp_path: Path, old: str, new: str, says: str
) -> None:
    assert REAL.count(old) >= 1, old
    with pytest.raises(CalendarError, match=says) as caught:
        parse_calendar(tmp_path / "contact.yml", REAL.replace(old, new, 1))
    line = int(re.search(r"contact\.yml, regel (\d+):", str(caught.value)).group(1))  # type: ignore[union-attr]
    edited = REAL.replace(old, new, 1).splitlines()
    # The line named is the edited one or the start of its block (a few lines up).
    first_changed = next(
        i for i, (a, b) in enumerate(zip(REAL.splitlines(), edited, strict=False)) if a != b
    )
    assert first_changed + 1 - 8 <= line <= first_changed + 2


def test_mail_hours_of_different_lengths_are_refused(tmp_path: Path) -> None:
    text = REAL.replace(
        "  mail:\n    - dagen: [maandag, dinsdag, woensdag, donderdag, vrijdag]\n",
        '  mail:\n    - dagen: [maandag]\n      van: "09:00"\n      tot: "12:00"\n'
        "    - dagen: [dinsdag, woensdag, donderdag, vrijdag]\n",
    )
    assert text != REAL
    with pytest.raises(CalendarError, match="niet elke dag even lang"):
        parse_calendar(tmp_path / "contact.yml", text)


def test_the_data_file_meets_its_json_schema_and_the_schema_is_valid() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    data = plain(yaml.safe_load(REAL))
    assert not list(Draft202012Validator(schema).iter_errors(data))


@pytest.mark.parametrize(
    ("old", "new", "field", "under", "line_of"),
    [
        ("  sluitingsdagen: []", "  sluitingdagen: []", "sluitingdagen", "kalender", 0),
        (
            "  sluitingsdagen: []",
            "  sluitingsdagen:\n    - datum: 2026-12-24\n      naam: {nl: Kerstavond, de: Abend}",
            "de",
            "kalender.sluitingsdagen.naam",
            2,
        ),
        ('      tot: "19:00"', '      tot: "19:00"\n      door: Jan', "door", "kalender.chat", 1),
    ],
)
def test_a_field_the_schema_does_not_know_is_refused_with_its_line(
    tmp_path: Path, old: str, new: str, field: str, under: str, line_of: int
) -> None:
    """Without the schema a mistyped field was silently ignored: 'sluitingdagen' left 1712
    open on the days it was meant to close."""
    assert REAL.count(old) == 1, old
    with pytest.raises(CalendarError) as caught:
        parse_calendar(tmp_path / "contact.yml", REAL.replace(old, new))
    message = str(caught.value)
    assert f"het veld '{field}' onder '{under}' kennen we niet" in message
    first = REAL.splitlines().index(old.splitlines()[0]) + 1
    assert f"contact.yml, regel {first + line_of}:" in message
