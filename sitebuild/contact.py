"""One loader for data/contact.yml: phone numbers, hours and the reply promise.

Pages write `{{ hulplijn.telefoon }}` or `{{ tel:hulplijn }}`; templates read
`config.extra.contact`; the organisation map takes shared details with `gegevens_uit:`;
the editor checks know which numbers must not be typed by hand. All of them read the
file through `load_contacts`, so a change of hours is one edit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from formhandler.core.calendar_file import CalendarError, impossible_date, parse_calendar
from formhandler.core.hours_in_words import texts as calendar_texts
from formhandler.core.opening_hours import Calendar
from sitebuild.languages import LANGUAGES
from sitebuild.problems import DataError, Problem

CONTACT_FILE = Path("data") / "contact.yml"
PLACEHOLDER = re.compile(r"\{\{\s*(tel:)?([a-z_]+(?:\.[a-z_]+)*)\s*\}\}")


def load_contacts(path: Path) -> dict[str, Any]:
    """The contact facts; a file that is not valid YAML stops the build with its line."""
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except ValueError as error:  # a date that does not exist, such as 2026-12-32
        raise _impossible_date(path, text) from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f", regel {mark.line + 1}" if mark else ""
        raise DataError(
            f"{path.name}{where}: dit is geen geldige YAML. Kijk na of elke regel "
            f"'naam: waarde' is en of de inspringing klopt."
        ) from error
    if not isinstance(data, dict):
        raise DataError(f"{path.name}: het bestand moet een lijst van namen met waarden zijn.")
    try:
        calendar = parse_calendar(path, text)  # the text read above, not the file again
    except CalendarError as error:
        raise DataError(str(error)) from error
    # The hours and the reply promise in words ({{ hulplijn.uren }}, {{ hulplijn.chat_uren }},
    # {{ hulplijn.antwoordtermijn }}), made from the calendar: never typed in the file.
    helpline = data.setdefault("hulplijn", {})
    if isinstance(helpline, dict):
        helpline.update(calendar_texts(calendar))
    return data


def _impossible_date(path: Path, text: str) -> DataError:
    """The calendar's own sentence for a date that does not exist (with its line)."""
    return DataError(str(impossible_date(path, text)))


def load_calendar(path: Path) -> Calendar:
    """The calendar of the contact file (hours, closing days, reply promise)."""
    try:
        return parse_calendar(path, path.read_text(encoding="utf-8"))
    except CalendarError as error:
        raise DataError(str(error)) from error


def in_language(value: Any, language: str) -> Any:
    """A value with translations ({nl: …, fr: …}) in the given language, Dutch if missing."""
    if isinstance(value, dict) and value and set(value) <= set(LANGUAGES):
        return value.get(language, value.get("nl"))
    return value


def lookup(data: dict[str, Any], dotted: str) -> Any:
    value: Any = data
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def fill_placeholders(
    markdown: str, data: dict[str, Any], language: str
) -> tuple[str, list[Problem]]:
    """The Markdown with every `{{ … }}` filled in, and a problem for each unknown name."""
    problems: list[Problem] = []

    def replace(match: re.Match[str]) -> str:
        is_tel, name = match.group(1), match.group(2)
        line = markdown.count("\n", 0, match.start()) + 1
        if is_tel:
            number = lookup(data, f"{name}.telefoon")
            if number is None:
                problems.append(
                    Problem(
                        line,
                        f"'{{{{ tel:{name} }}}}' kent geen telefoonnummer. Kies een naam uit "
                        f"data/contact.yml die een telefoon heeft, zoals 'hulplijn' of 'awel'.",
                    )
                )
                return match.group(0)
            # The link target holds digits only ("0800 32 123" calls tel:080032123).
            return f"[{number}](tel:{re.sub(r'[^0-9+]', '', str(number))})"
        value = in_language(lookup(data, name), language)
        if value is None or isinstance(value, dict):
            known = ", ".join(sorted(data))
            problems.append(
                Problem(
                    line,
                    f"'{{{{ {name} }}}}' staat niet in data/contact.yml. Controleer de "
                    f"schrijfwijze; bekende namen beginnen met: {known}.",
                )
            )
            return match.group(0)
        return str(value)

    return PLACEHOLDER.sub(replace, markdown), problems


@dataclass(frozen=True)
class PhoneNumber:
    """A number data/contact.yml holds: its name there, and whether it is also a name."""

    number: str
    name: str
    is_name: bool  # 1712 is the helpline's name and number: "Bel 1712" is fine as text


def phone_numbers(data: dict[str, Any]) -> list[PhoneNumber]:
    return [
        PhoneNumber(str(entry["telefoon"]), name, str(entry.get("naam")) == str(entry["telefoon"]))
        for name, entry in data.items()
        if isinstance(entry, dict) and entry.get("telefoon")
    ]


def digits(number: str) -> str:
    """A phone number without spaces, dots, slashes or dashes: what a tel: link holds."""
    return re.sub(r"[\s./-]", "", number)
