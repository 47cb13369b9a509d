"""The calendar in data/contact.yml: one source for hours, closing days and the reply promise.

A copy of the real file with one edit (other hours, a closing day, a mistake) shows that
the due times, the words and the checks follow the file and nothing else.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from formhandler.core.calendar_file import (
    CONTACT_FILE,
    default_calendar,
    load_calendar,
)
from formhandler.core.hours_in_words import (
    hours_in_words,
    next_closing_days,
    promise_in_words,
    state_in_words,
)
from formhandler.core.opening_hours import Calendar
from formhandler.core.workdays import BRUSSELS, reply_due, working_time_between

REAL = CONTACT_FILE.read_text(encoding="utf-8")


def at(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=BRUSSELS)


def copy_with(tmp_path: Path, old: str, new: str, count: int = 1) -> Calendar:
    """The real contact file with one edit, as a calendar."""
    assert REAL.count(old) >= count, old
    path = tmp_path / "contact.yml"
    path.write_text(REAL.replace(old, new, count), encoding="utf-8")
    return load_calendar(path)


def test_the_data_file_says_what_the_sources_say() -> None:
    calendar = default_calendar()
    assert str(calendar.zone) == "Europe/Brussels"
    assert calendar.reply_within == timedelta(hours=16)  # two working days of 8 hours
    for channel in ("telefoon", "mail"):
        assert hours_in_words(calendar, channel, "nl") == "op werkdagen van 9 tot 17 uur"
    assert hours_in_words(calendar, "telefoon", "fr") == "les jours ouvrables de 9 h à 17 h"
    assert hours_in_words(calendar, "telefoon", "en") == "on working days from 9 am to 5 pm"
    assert promise_in_words(calendar, "nl") == "binnen twee werkdagen"
    assert promise_in_words(calendar, "fr") == "dans les deux jours ouvrables"


def test_other_hours_in_a_copy_give_other_due_times_and_other_words(tmp_path: Path) -> None:
    """The issue's case: a Friday 17:30 message with 09:00-18:00 hours."""
    # Both the phone and the mail blocks say 09:00-17:00 in the file; change both.
    later = copy_with(tmp_path, 'tot: "17:00"', 'tot: "18:00"', count=2)
    friday = at("2026-11-20 17:30")
    assert reply_due(friday) == at("2026-11-24 17:00")  # today's hours: Tuesday 17:00
    # 30 minutes on Friday, 9 hours on Monday, 8.5 hours on Tuesday: 18 working hours.
    assert later.reply_within == timedelta(hours=18)
    assert reply_due(friday, later) == at("2026-11-24 17:30")
    assert working_time_between(friday, reply_due(friday, later), later) == timedelta(hours=18)
    assert hours_in_words(later, "telefoon", "nl") == "op werkdagen van 9 tot 18 uur"
    assert state_in_words(later, "telefoon", at("2026-11-23 17:30"), "nl") == "Nu open tot 18 uur"


def test_a_closing_day_in_the_file_closes_every_channel_and_moves_due_times(
    tmp_path: Path,
) -> None:
    closing = copy_with(
        tmp_path,
        "  sluitingsdagen: []",
        "  sluitingsdagen:\n"
        "    - datum: 2026-12-24\n"
        "      naam: {nl: Kerstavond, fr: Veille de Noël, en: Christmas Eve}",
    )
    wednesday = at("2026-12-23 10:00")
    assert reply_due(wednesday) == at("2026-12-28 10:00")  # without it: Christmas only
    assert reply_due(wednesday, closing) == at("2026-12-29 10:00")
    assert closing.holiday(date(2026, 12, 24), "fr") == "Veille de Noël"
    assert closing.windows("chat", date(2026, 12, 24)) == []
    words = state_in_words(closing, "telefoon", at("2026-12-24 10:00"), "nl")
    assert words == "Vandaag gesloten (Kerstavond). Weer open maandag om 9 uur"
    assert (date(2026, 12, 24), "Kerstavond") in next_closing_days(
        closing, at("2026-12-20 12:00"), 14, "nl"
    )


@pytest.mark.parametrize(
    ("moment", "channel", "language", "words"),
    [
        ("2026-11-23 08:59", "telefoon", "nl", "Nu gesloten. Weer open vandaag om 9 uur"),
        ("2026-11-23 09:00", "telefoon", "nl", "Nu open tot 17 uur"),
        ("2026-11-23 16:59", "telefoon", "en", "Open now until 5 pm"),
        ("2026-11-23 17:00", "telefoon", "fr", "Fermé maintenant. Réouverture demain à 9 h"),
        ("2026-11-27 17:00", "telefoon", "nl", "Nu gesloten. Weer open maandag om 9 uur"),
        ("2027-03-29 11:00", "telefoon", "nl", "Vandaag gesloten (Paasmaandag). "
         "Weer open morgen om 9 uur"),
        ("2027-07-11 11:00", "telefoon", "en", "Closed today (Day of the Flemish "
         "Community). Open again tomorrow at 9 am"),
        ("2026-11-24 18:00", "chat", "nl", "Nu open tot 19 uur"),
        ("2026-11-24 19:00", "chat", "nl", "Nu gesloten. Weer open morgen om 17 uur"),
        ("2026-11-26 19:00", "chat", "nl", "Nu gesloten. Weer open dinsdag om 17 uur"),
    ],
)  # fmt: skip
def test_open_now_in_words(moment: str, channel: str, language: str, words: str) -> None:
    assert state_in_words(default_calendar(), channel, at(moment), language) == words


def test_the_state_is_told_in_brussels_time_whatever_zone_the_moment_is_in() -> None:
    calendar = default_calendar()
    in_new_york = at("2026-11-23 09:30").astimezone(ZoneInfo("America/New_York"))
    assert state_in_words(calendar, "telefoon", in_new_york, "nl") == "Nu open tot 17 uur"


def test_the_working_time_counts_only_the_mail_hours(tmp_path: Path) -> None:
    """Phone hours may change without changing the promise: only the mail block counts."""
    phone_later = copy_with(tmp_path, 'tot: "17:00"', 'tot: "20:00"')  # the first: telefoon
    assert phone_later.hours["telefoon"][0].closes == time(20, 0)
    assert phone_later.reply_within == timedelta(hours=16)
    assert reply_due(at("2026-11-23 10:00"), phone_later) == at("2026-11-25 10:00")
