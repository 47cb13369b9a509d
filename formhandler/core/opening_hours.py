"""1712's calendar: hours per channel, closing days, reply promise, time zone.

Everything that asks "is 1712 open?" or "when is an answer due?" reads one `Calendar`:
the reply due time, reminders and escalation, the statistics, the texts on the site, the
"open now" line and the calendar the build writes for the browser. It is read from the
`kalender` section of `data/contact.yml` by formhandler/core/calendar_file.py.

Belgian public holidays come from the `holidays` package, never a typed list, with 11 July
(the Flemish holiday, which `holidays.Belgium` lacks).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

LANGUAGES = ("nl", "fr", "en")
FLEMISH_HOLIDAY = {
    "nl": "Feest van de Vlaamse Gemeenschap",
    "fr": "Fête de la Communauté flamande",
    "en": "Day of the Flemish Community",
}
_HOLIDAY_LANGUAGE = {"nl": "nl", "fr": "fr", "en": "en_US"}
# The search for the next opening stops after this: a channel closed for longer is closed.
_HORIZON = 400


@dataclass(frozen=True)
class Opening:
    """One block of hours: on these weekdays (0 is Monday), from `opens` to `closes`."""

    weekdays: frozenset[int]
    opens: time
    closes: time


@dataclass(frozen=True)
class ClosingDay:
    day: date
    names: Mapping[str, str]


@dataclass(frozen=True)
class Calendar:
    zone: ZoneInfo
    hours: Mapping[str, tuple[Opening, ...]]
    reply_working_days: int
    closing_days: tuple[ClosingDay, ...] = ()

    # --- days --------------------------------------------------------------------------

    def with_closing_days(self, days: Iterable[date]) -> Calendar:
        """This calendar with more closing days (FORMHANDLER_CLOSING_DAYS, tests)."""
        known = {closing.day for closing in self.closing_days}
        extra = tuple(
            ClosingDay(day, {language: "sluitingsdag" for language in LANGUAGES})
            for day in sorted(set(days) - known)
        )
        return replace(self, closing_days=self.closing_days + extra) if extra else self

    def holiday(self, day: date, language: str = "nl") -> str | None:
        """The name of the public holiday or closing day `day` is, or None."""
        for closing in self.closing_days:
            if closing.day == day:
                return closing.names.get(language) or closing.names.get("nl", "sluitingsdag")
        if (day.month, day.day) == (7, 11):
            return FLEMISH_HOLIDAY[language]
        return _public_holidays(day.year, _HOLIDAY_LANGUAGE[language]).get(day)

    def windows(self, channel: str, day: date) -> list[tuple[datetime, datetime]]:
        """The channel's open periods on `day`, as aware moments; none on a holiday."""
        if self.holiday(day) is not None:
            return []
        return sorted(
            (
                datetime.combine(day, block.opens, tzinfo=self.zone),
                datetime.combine(day, block.closes, tzinfo=self.zone),
            )
            for block in self.hours.get(channel, ())
            if day.weekday() in block.weekdays
        )

    def is_working_day(self, day: date) -> bool:
        """A day on which helpers answer mail: the days the reply promise counts."""
        return bool(self.windows("mail", day))

    # --- moments -----------------------------------------------------------------------

    def local(self, moment: datetime) -> datetime:
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError(f"an aware datetime is needed, got {moment!r}")
        return moment.astimezone(self.zone)

    def open_until(self, channel: str, moment: datetime) -> datetime | None:
        """When the channel closes if it is open at `moment`; None when it is closed."""
        here = self.local(moment)
        for opens, closes in self.windows(channel, here.date()):
            if opens <= here < closes:
                return closes
        return None

    def next_opening(self, channel: str, moment: datetime) -> datetime | None:
        """The first opening after `moment`; None when the channel has no hours at all."""
        here = self.local(moment)
        for offset in range(_HORIZON):
            day = here.date() + timedelta(days=offset)
            for opens, _ in self.windows(channel, day):
                if opens > here:
                    return opens
        return None

    # --- the reply promise ---------------------------------------------------------------

    @property
    def working_day(self) -> timedelta:
        """The length of a day of answering mail (the same every day: checked on loading)."""
        blocks = self.hours["mail"]
        return day_length(blocks, min(next(iter(b.weekdays)) for b in blocks))

    @property
    def reply_within(self) -> timedelta:
        """Working time from receipt to the answer: two working days of mail hours."""
        return self.reply_working_days * self.working_day


@lru_cache(maxsize=64)
def _public_holidays(year: int, language: str) -> dict[date, str]:
    return dict(holidays.Belgium(years=year, language=language))


def day_length(blocks: Iterable[Opening], weekday: int) -> timedelta:
    total = timedelta(0)
    for block in blocks:
        if weekday in block.weekdays:
            total += datetime.combine(date.min, block.closes) - datetime.combine(
                date.min, block.opens
            )
    return total


def closed_days(calendar: Calendar, first: date, last: date) -> list[tuple[date, dict[str, str]]]:
    """Every public holiday, 11 July and closing day from `first` to `last` (both included),
    weekends too, with its name in each language: the calendar the build writes for the
    browser's "open now" line."""
    found = []
    day = first
    while day <= last:
        if calendar.holiday(day) is not None:
            names = {language: calendar.holiday(day, language) or "" for language in LANGUAGES}
            found.append((day, names))
        day += timedelta(days=1)
    return found
