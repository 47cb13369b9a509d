"""The calendar the build writes for the "open now" line, and its text for pages without JS.

Every page says, near the phone number, whether 1712 is open now ("Nu open tot 12 uur",
"Nu gesloten. Weer open maandag om 9 uur"). The browser works that out itself
(overrides/open-now.js, loaded in every page's head so that the state is there before the
page is drawn) from the calendar at its end, which the build writes at the root of each
audience's site from `config.extra.kalender.bestand`. It holds, for the twelve months from
the build date:

    zone     the time zone of the hours (Europe/Brussels), whatever the visitor's clock says
    from/to  the first and last day it covers; outside them the browser claims nothing
    hours    per channel (telefoon, chat, mail) the blocks of data/contact.yml
    closed   every public holiday, 11 July and configured closing day, by date, named in
             nl, fr and en (weekends too: "Vandaag gesloten (Pasen)")
    words    the sentences, day names and clock times of each language, and the
             children's plainer Dutch (formhandler/core/hours_in_words.py)

Without JavaScript nothing claims a state: the pages list the hours and, in the footer,
the next closing days (`komende_sluitingsdagen`). The nightly build keeps both current.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time
from typing import Any

from babel.dates import format_date
from babel.lists import format_list

from formhandler.core.hours_in_words import STATE_WORDS, next_closing_days, state_words
from formhandler.core.opening_hours import LANGUAGES, Calendar, closed_days

SCRIPT_FILE = "open-now.js"
# The calendar is the script's last line, after this comment (overrides/open-now.js).
CALENDAR_MARK = "/* kalender */ "
# How many coming closing days the footer names (pages without JavaScript).
COMING = 3


def one_year_after(day: date) -> date:
    """The same day a year later (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def browser_calendar(calendar: Calendar, first: date, last: date | None = None) -> dict[str, Any]:
    """The calendar in open-now.js: hours, closed days from `first` to `last` (a year by
    default) and the words, as plain JSON values."""
    last = last or one_year_after(first)
    return {
        "zone": calendar.zone.key,
        "from": first.isoformat(),
        "to": last.isoformat(),
        "hours": {
            channel: [
                {
                    "days": sorted(block.weekdays),
                    "opens": f"{block.opens:%H:%M}",
                    "closes": f"{block.closes:%H:%M}",
                }
                for block in blocks
            ]
            for channel, blocks in calendar.hours.items()
        },
        "closed": {day.isoformat(): names for day, names in closed_days(calendar, first, last)},
        "words": {key: state_words(calendar, key) for key in STATE_WORDS},
    }


def calendar_in_script(script: str) -> dict[str, Any]:
    """The calendar a built open-now.js carries."""
    line = next(line for line in script.splitlines() if CALENDAR_MARK in line)
    return dict(json.loads(line.split(CALENDAR_MARK, 1)[1].removesuffix("));")))


def script_with_calendar(script: str, calendar: dict[str, Any]) -> str:
    """A built open-now.js with another calendar: the same script on another day."""
    head, _, _ = script.rpartition(CALENDAR_MARK)
    return f"{head}{CALENDAR_MARK}{json.dumps(calendar)}));\n"


def coming_closing_days(calendar: Calendar, first: date, language: str) -> str:
    """'vrijdag 25 december (Kerstmis), vrijdag 1 januari (Nieuwjaar) en maandag 29 maart
    (Paasmaandag)': the next working days on which 1712 is closed, within a year."""
    start = datetime.combine(first, time(0), tzinfo=calendar.zone)
    span = (one_year_after(first) - first).days + 1
    days = next_closing_days(calendar, start, span, language)[:COMING]
    said = [f"{format_date(day, 'EEEE d MMMM', locale=language)} ({name})" for day, name in days]
    return format_list(said, locale=language) if said else ""


def site_calendar(calendar: Calendar, today: date) -> dict[str, Any]:
    """`config.extra.kalender`: the file for the browser and the footer's closing days."""
    return {
        "bestand": browser_calendar(calendar, today),
        "komende_sluitingsdagen": {
            language: coming_closing_days(calendar, today, language) for language in LANGUAGES
        },
    }
