"""The helpline's contact facts from `data/contact.yml`, the site's single source.

The site build reads the same file; the service reads it here, once, for the phone
numbers and hours it writes on form pages and in mails. Nothing here is typed twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from formhandler.core.calendar_file import CONTACT_FILE, default_calendar
from formhandler.core.hours_in_words import hours_in_words
from formhandler.core.i18n import language_of
from formhandler.core.opening_hours import Calendar


@dataclass(frozen=True)
class Phone:
    number: str

    @property
    def href(self) -> str:
        return "tel:" + "".join(char for char in self.number if char.isdigit() or char == "+")


@lru_cache(maxsize=1)
def contact_facts() -> dict[str, Any]:
    """The parsed contact file (read once per process)."""
    return yaml.safe_load(CONTACT_FILE.read_text(encoding="utf-8"))


def phone(name: str) -> Phone:
    entry = contact_facts()[name]
    assert isinstance(entry, dict)
    return Phone(str(entry["telefoon"]))


def helpline_hours(variant: str, calendar: Calendar | None = None) -> str:
    """The phone hours in words ('op werkdagen van 8 tot 12 uur'), from the calendar."""
    return hours_in_words(calendar or default_calendar(), "telefoon", language_of(variant))
