"""Languages and audiences, and dates in words (Babel), for every text the service writes.

A *variant* is what a page is written for: a language of the adult site (`nl`, `fr`,
`en`) or an audience with words of its own (`kinderen`, `jongeren`, both Dutch). Texts
are dictionaries keyed by variant; `say` falls back from an audience to its language.
Dates are always told in Brussels time, whatever the server's clock zone.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from babel.dates import format_date

from formhandler.core.workdays import BRUSSELS

VARIANTS = ("nl", "fr", "en", "kinderen", "jongeren")
ADULTS = frozenset({"nl", "fr", "en"})
Text = Mapping[str, str]


def say(text: Text, variant: str) -> str:
    """The text for this variant, or for its language when the audience has no words of its own."""
    return text.get(variant) or text[language_of(variant)]


def language_of(variant: str) -> str:
    return variant if variant in ADULTS else "nl"


def audience_of(variant: str) -> str:
    return variant if variant in ("kinderen", "jongeren") else "volwassenen"


def _day(moment: datetime, language: str) -> str:
    """'dinsdag 24 november', 'mardi 24 novembre', 'Tuesday 24 November'."""
    words = format_date(moment, "EEEE d MMMM", locale=language)
    if language == "fr" and moment.day == 1:
        words = words.replace(" 1 ", " 1er ", 1)
    return words


def due_in_words(due: datetime, language: str) -> str:
    """'uiterlijk dinsdag 24 november om 16 uur', in Brussels time and the page's language."""
    local = due.astimezone(BRUSSELS)
    day = _day(local, language)
    if language == "fr":
        hour = f"{local.hour} h" + (f" {local.minute:02d}" if local.minute else "")
        return f"au plus tard le {day} à {hour}"
    if language == "en":
        twelve = local.hour % 12 or 12
        suffix = "am" if local.hour < 12 else "pm"
        clock = f"{twelve}:{local.minute:02d}{suffix}" if local.minute else f"{twelve}{suffix}"
        if (local.hour, local.minute) == (12, 0):
            clock = "midday"
        return f"by {day} at {clock}"
    hour = f"{local.hour}.{local.minute:02d}" if local.minute else str(local.hour)
    return f"uiterlijk {day} om {hour} uur"


def moment_in_words(moment: datetime, language: str) -> str:
    """'dinsdag 24 november om 14.05 uur': when something was written, in Brussels time."""
    due = due_in_words(moment, language)
    for prefix in ("uiterlijk ", "au plus tard le ", "by "):
        if due.startswith(prefix):
            return due[len(prefix) :]
    return due


def staff_moment(moment: datetime | None, *, joiner: str = " ") -> str:
    """'dinsdag 24-11-2026 16:00' for the staff side and its mails (Dutch, Brussels time)."""
    if moment is None:
        return ""
    local = moment.astimezone(BRUSSELS)
    weekday = format_date(local, "EEEE", locale="nl")
    return f"{weekday} {local:%d-%m-%Y}{joiner}{local:%H:%M}"
