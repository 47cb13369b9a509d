"""Frozen moments for the "open now" line, shared by the Python and the browser tests.

Each row is a moment in Brussels (its weekday written out, so the table reads as a
calendar), why it is in the table, and what the Dutch line says then for the phone line and
the chat with the hours of data/contact.yml (phone on working days 9-17, chat on Tuesday,
Wednesday and Thursday 17-19) and one configured closing day, Friday 24 December 2027
(`calendar_with_closing_day`). The browser tests check that Chromium, in another time zone,
says exactly what Python says for every row, channel and language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from formhandler.core.calendar_file import load_calendar
from formhandler.core.opening_hours import Calendar
from tests.support.site import ROOT

BRUSSELS = ZoneInfo("Europe/Brussels")
CLOSING_DAY = """\
  sluitingsdagen:
    - datum: 2027-12-24
      naam: {nl: Kerstavond, fr: Veille de Noël, en: Christmas Eve}
"""


@dataclass(frozen=True)
class Moment:
    when: str  # "Tue 2027-03-30 08:59", Brussels time
    why: str
    phone: str  # the Dutch line for the phone
    chat: str  # and for the chat

    @property
    def moment(self) -> datetime:
        return datetime.strptime(self.when[4:], "%Y-%m-%d %H:%M").replace(tzinfo=BRUSSELS)

    @property
    def id(self) -> str:
        return self.when.replace(" ", "_")


MOMENTS = [
    Moment(
        "Sun 2027-03-28 01:59",
        "Easter Sunday, the last minute before summer time",
        "Vandaag gesloten (Pasen). Weer open dinsdag om 9 uur",
        "Vandaag gesloten (Pasen). Weer open dinsdag om 17 uur",
    ),
    Moment(
        "Sun 2027-03-28 03:00",
        "Easter Sunday, the first minute of summer time (02:00 became 03:00)",
        "Vandaag gesloten (Pasen). Weer open dinsdag om 9 uur",
        "Vandaag gesloten (Pasen). Weer open dinsdag om 17 uur",
    ),
    Moment(
        "Mon 2027-03-29 10:00",
        "Easter Monday, a Belgian public holiday on a working day",
        "Vandaag gesloten (Paasmaandag). Weer open morgen om 9 uur",
        "Vandaag gesloten (Paasmaandag). Weer open morgen om 17 uur",
    ),
    Moment(
        "Tue 2027-03-30 08:59",
        "a minute before opening, the first working day of summer time",
        "Nu gesloten. Weer open vandaag om 9 uur",
        "Nu gesloten. Weer open vandaag om 17 uur",
    ),
    Moment(
        "Tue 2027-03-30 09:00",
        "opening time",
        "Nu open tot 17 uur",
        "Nu gesloten. Weer open vandaag om 17 uur",
    ),
    Moment(
        "Tue 2027-03-30 16:59",
        "the last minute of the phone line",
        "Nu open tot 17 uur",
        "Nu gesloten. Weer open vandaag om 17 uur",
    ),
    Moment(
        "Tue 2027-03-30 17:00",
        "the phone line closes as the chat opens",
        "Nu gesloten. Weer open morgen om 9 uur",
        "Nu open tot 19 uur",
    ),
    Moment(
        "Tue 2027-03-30 19:00",
        "the chat closes",
        "Nu gesloten. Weer open morgen om 9 uur",
        "Nu gesloten. Weer open morgen om 17 uur",
    ),
    Moment(
        "Fri 2027-04-02 17:00",
        "Friday closing: open again after the weekend",
        "Nu gesloten. Weer open maandag om 9 uur",
        "Nu gesloten. Weer open dinsdag om 17 uur",
    ),
    Moment(
        "Sun 2027-04-04 12:00",
        "an ordinary Sunday",
        "Nu gesloten. Weer open morgen om 9 uur",
        "Nu gesloten. Weer open dinsdag om 17 uur",
    ),
    Moment(
        "Sun 2027-07-11 12:00",
        "11 July (not in holidays.Belgium) on a Sunday",
        "Vandaag gesloten (Feest van de Vlaamse Gemeenschap). Weer open morgen om 9 uur",
        "Vandaag gesloten (Feest van de Vlaamse Gemeenschap). Weer open dinsdag om 17 uur",
    ),
    Moment(
        "Tue 2028-07-11 10:00",
        "11 July on a working day",
        "Vandaag gesloten (Feest van de Vlaamse Gemeenschap). Weer open morgen om 9 uur",
        "Vandaag gesloten (Feest van de Vlaamse Gemeenschap). Weer open morgen om 17 uur",
    ),
    Moment(
        "Sun 2027-10-31 02:30",
        "the hour that happens twice at the end of summer time (its first time)",
        "Nu gesloten. Weer open dinsdag om 9 uur",
        "Nu gesloten. Weer open dinsdag om 17 uur",
    ),
    Moment(
        "Mon 2027-11-01 09:00",
        "All Saints' Day, the day after summer time ended",
        "Vandaag gesloten (Allerheiligen). Weer open morgen om 9 uur",
        "Vandaag gesloten (Allerheiligen). Weer open morgen om 17 uur",
    ),
    Moment(
        "Tue 2027-11-02 08:59",
        "winter time in Brussels while New York still has summer time (until 7 November)",
        "Nu gesloten. Weer open vandaag om 9 uur",
        "Nu gesloten. Weer open vandaag om 17 uur",
    ),
    Moment(
        "Tue 2027-11-02 09:00",
        "opening time in that week",
        "Nu open tot 17 uur",
        "Nu gesloten. Weer open vandaag om 17 uur",
    ),
    Moment(
        "Thu 2027-12-23 17:30",
        "the evening before a configured closing day: the phone opens after it",
        "Nu gesloten. Weer open maandag om 9 uur",
        "Nu open tot 19 uur",
    ),
    Moment(
        "Fri 2027-12-24 10:00",
        "a closing day configured in data/contact.yml",
        "Vandaag gesloten (Kerstavond). Weer open maandag om 9 uur",
        "Vandaag gesloten (Kerstavond). Weer open dinsdag om 17 uur",
    ),
]


def contact_file_with_closing_day(folder: Path, text: str | None = None) -> Path:
    """A copy of data/contact.yml (or of `text`) with Friday 24 December 2027 closed."""
    text = text if text is not None else (ROOT / "data" / "contact.yml").read_text("utf-8")
    assert "  sluitingsdagen: []\n" in text
    path = folder / "contact.yml"
    path.write_text(text.replace("  sluitingsdagen: []\n", CLOSING_DAY), encoding="utf-8")
    return path


def calendar_with_closing_day(folder: Path) -> Calendar:
    return load_calendar(contact_file_with_closing_day(folder))
