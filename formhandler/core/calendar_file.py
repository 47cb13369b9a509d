"""The `kalender` section of `data/contact.yml`, read into a `Calendar` with its lines.

    kalender:
      tijdzone: Europe/Brussels
      antwoordtermijn_werkdagen: 2      # the promise: an answer within two working days
      telefoon:                         # one or more blocks per channel
        - dagen: [maandag, dinsdag, woensdag, donderdag, vrijdag]
          van: "09:00"
          tot: "16:30"
      chat: [...]
      mail: [...]                       # when helpers answer mail: the working time
      sluitingsdagen:                   # besides the public holidays and 11 July
        - datum: 2026-12-24
          naam: {nl: ..., fr: ..., en: ...}

Its shape is data/contact.schema.json (JSON Schema: the fields, their types, the day names,
the form of an hour and a date; no unknown field, so a mistyped 'sluitingdagen' is not
silently ignored). What a schema cannot say is checked here too: 'tot' after 'van', mail
hours equally long each day, a time zone that exists. A mistake stops the service, the
build and the newsroom's save with the same Dutch sentence that names the file, the line
and the fix (EDITING.md lists them).
"""

from __future__ import annotations

import json
import re
from datetime import date, time
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError, best_match

from formhandler.core.opening_hours import (
    LANGUAGES,
    Calendar,
    ClosingDay,
    Opening,
    day_length,
)
from formhandler.core.schema_sentences import common_sentence, pointed_path
from formhandler.core.yaml_lines import line_of, plain

CONTACT_FILE = Path(__file__).resolve().parents[2] / "data" / "contact.yml"
SCHEMA_FILE = CONTACT_FILE.with_name("contact.schema.json")
DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
CHANNELS = ("telefoon", "chat", "mail")


class CalendarError(ValueError):
    """A mistake in the `kalender` section, in Dutch, with file and line."""


class _LineLoader(yaml.SafeLoader):
    """Keeps the line of every mapping, so a mistake can be told with its line."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def _problem(path: Path, line: object, text: str) -> CalendarError:
    where = f", regel {line}" if isinstance(line, int) else ""
    return CalendarError(f"{path.name}{where}: {text}")


def _clock(path: Path, line: object, value: object, what: str) -> time:
    try:
        hours, minutes = str(value).split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        raise _problem(
            path, line, f"'{value}' bij '{what}' is geen uur. Schrijf het als \"09:00\"."
        ) from None


def _blocks(path: Path, channel: str, raw: object, line: object) -> tuple[Opening, ...]:
    if not isinstance(raw, list):
        raise _problem(
            path,
            line,
            f"onder 'kalender' staat bij '{channel}' geen lijst van uren. Schrijf per blok "
            "'- dagen: [maandag, ...]', 'van: \"09:00\"' en 'tot: \"16:30\"'.",
        )
    blocks = []
    for entry in raw:
        if not isinstance(entry, dict):
            raise _problem(path, line, f"een blok uren bij '{channel}' mist 'dagen', 'van', 'tot'.")
        at = entry.get("__line__")
        missing = [key for key in ("dagen", "van", "tot") if key not in entry]
        if missing:
            raise _problem(
                path, at, f"bij '{channel}' ontbreekt {', '.join(missing)} in een blok uren."
            )
        days = entry["dagen"] if isinstance(entry["dagen"], list) else [entry["dagen"]]
        unknown = [str(day) for day in days if str(day).lower() not in DAYS]
        if unknown or not days:
            raise _problem(
                path,
                at,
                f"bij '{channel}' is {', '.join(unknown) or 'geen dag'} geen dag. "
                f"Kies uit: {', '.join(DAYS)}.",
            )
        opens = _clock(path, at, entry["van"], f"{channel}: van")
        closes = _clock(path, at, entry["tot"], f"{channel}: tot")
        if closes <= opens:
            raise _problem(
                path,
                at,
                f"bij '{channel}' sluit het om {entry['tot']}, niet na {entry['van']}. "
                "'tot' moet later zijn dan 'van' (op dezelfde dag).",
            )
        blocks.append(Opening(frozenset(DAYS.index(str(d).lower()) for d in days), opens, closes))
    return tuple(blocks)


def _closing_days(path: Path, raw: object, line: object) -> tuple[ClosingDay, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise _problem(path, line, "'sluitingsdagen' moet een lijst zijn ('- datum: 2026-12-24').")
    days = []
    for entry in raw:
        at = entry.get("__line__") if isinstance(entry, dict) else line
        day = entry.get("datum") if isinstance(entry, dict) else None
        if isinstance(day, str):  # the newsroom writes dates as text
            try:
                day = date.fromisoformat(day)
            except ValueError:
                day = None
        if not isinstance(entry, dict) or not isinstance(day, date):
            raise _problem(
                path,
                at,
                "een sluitingsdag heeft een 'datum' als 2026-12-24 (jaar-maand-dag) en een "
                "'naam' in het Nederlands, Frans en Engels.",
            )
        names = entry.get("naam") or {}
        if isinstance(names, str):
            names = {"nl": names}
        names = {key: str(value) for key, value in names.items() if key in LANGUAGES}
        days.append(ClosingDay(day, names or {"nl": "sluitingsdag"}))
    return tuple(sorted(days, key=lambda closing: closing.day))


def impossible_date(path: Path, text: str) -> CalendarError:
    """YAML reads 2026-12-32 as a date and fails without a line: find the line."""
    for number, line in enumerate(text.splitlines(), start=1):
        for found in re.findall(r"\b\d{4}-\d{2}-\d{2}\b", line.split("#")[0]):
            try:
                date.fromisoformat(found)
            except ValueError:
                return _problem(
                    path,
                    number,
                    f"{found} is geen datum die bestaat. Schrijf jaar-maand-dag, "
                    "bijvoorbeeld 2026-12-24.",
                )
    return _problem(path, None, "een datum bestaat niet. Schrijf jaar-maand-dag.")


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=FormatChecker(formats=["date"]))


def _explain(error: ValidationError) -> str:
    """One schema error as a Dutch sentence saying what to fix."""
    names = [str(step) for step in error.absolute_path if not isinstance(step, int)]
    name = ".".join(names) or "kalender"
    value = error.instance
    kind = error.validator
    common = common_sentence(error, name, f" onder '{name}'")
    if common:
        return common
    if kind == "required":
        missing = next(key for key in error.validator_value if key not in (value or {}))
        return f"onder '{name}' ontbreekt '{missing}'."
    if kind == "enum":
        return f"'{value}' is geen dag. Kies uit: {', '.join(error.validator_value)}."
    if kind == "pattern":
        return f"'{value}' bij '{name}' is geen uur. Schrijf het als \"09:00\"."
    if kind == "format":
        return f"'{value}' is geen datum. Schrijf jaar-maand-dag, bijvoorbeeld 2026-12-24."
    return (
        f"'{name}' heeft niet de juiste vorm. Kijk naar het voorbeeld in EDITING.md "
        "('Uren en sluitingsdagen')."
    )


def _schema_problem(path: Path, text: str) -> CalendarError | None:
    """The first mistake against data/contact.schema.json, with its line; None if none."""
    data = plain(yaml.safe_load(text))
    error = best_match(_validator().iter_errors(data))
    if error is None:
        return None
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    return _problem(path, line_of(root, pointed_path(error)), _explain(error))


def parse_calendar(path: Path, text: str) -> Calendar:
    """The `kalender` section of a contact file's text; CalendarError when it is wrong."""
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except ValueError as error:  # a date that does not exist, such as 2026-12-32
        raise impossible_date(path, text) from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise _problem(
            path,
            mark.line + 1 if mark else None,
            "dit is geen geldige YAML. Kijk na of elke regel 'naam: waarde' is en of de "
            "inspringing klopt.",
        ) from error
    section = data.get("kalender") if isinstance(data, dict) else None
    if not isinstance(section, dict):
        raise _problem(path, None, "de sectie 'kalender' met de uren van 1712 ontbreekt.")
    line = section.get("__line__")
    try:
        zone = ZoneInfo(str(section.get("tijdzone", "")))
    except (ZoneInfoNotFoundError, ValueError):
        raise _problem(
            path, line, f"'{section.get('tijdzone')}' is geen tijdzone. Schrijf Europe/Brussels."
        ) from None
    hours = {}
    for channel in CHANNELS:
        if channel not in section:
            raise _problem(path, line, f"onder 'kalender' ontbreken de uren van '{channel}'.")
        hours[channel] = _blocks(path, channel, section[channel], line)
    if not hours["mail"]:
        raise _problem(
            path, line, "'mail' heeft geen uren: zonder die uren is er geen antwoordtermijn."
        )
    lengths = {day_length(hours["mail"], day) for b in hours["mail"] for day in b.weekdays}
    if len(lengths) != 1:
        raise _problem(
            path,
            line,
            "de uren van 'mail' zijn niet elke dag even lang. De antwoordtermijn telt in "
            "werkdagen, dus elke dag met mailuren moet even lang zijn.",
        )
    within = section.get("antwoordtermijn_werkdagen")
    if not isinstance(within, int) or isinstance(within, bool) or not 1 <= within <= 10:
        raise _problem(
            path,
            line,
            f"'antwoordtermijn_werkdagen' is '{within}'. Schrijf een aantal werkdagen, "
            "bijvoorbeeld 2.",
        )
    closing_days = _closing_days(path, section.get("sluitingsdagen"), line)
    # The checks above name the usual mistakes most precisely; the schema then finds what
    # they let through (an unknown or mistyped field, a value of the wrong kind).
    problem = _schema_problem(path, text)
    if problem:
        raise problem
    return Calendar(zone=zone, hours=hours, reply_working_days=within, closing_days=closing_days)


def load_calendar(path: Path = CONTACT_FILE) -> Calendar:
    return parse_calendar(path, path.read_text(encoding="utf-8"))


@lru_cache(maxsize=8)
def default_calendar(path: Path = CONTACT_FILE) -> Calendar:
    """The calendar of the data file, read once per process."""
    return load_calendar(path)
