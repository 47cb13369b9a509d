"""1712's calendar from `data/contact.yml`: hours per channel, closing days, reply promise.

Everything that asks "is 1712 open?" or "when is an answer due?" reads one `Calendar`:
the reply due time, reminders and escalation, the statistics, the texts on the site, the
"open now" line and the calendar the build writes for the browser. The file says, in the
`kalender` section:

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

Belgian public holidays come from the `holidays` package, never a typed list, with 11 July
(the Flemish holiday, which `holidays.Belgium` lacks). A mistake in the section stops the
service and the build with a Dutch sentence that names the file, the line and the fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays
import yaml

CONTACT_FILE = Path(__file__).resolve().parents[2] / "data" / "contact.yml"
DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
CHANNELS = ("telefoon", "chat", "mail")
LANGUAGES = ("nl", "fr", "en")
FLEMISH_HOLIDAY = {
    "nl": "Feest van de Vlaamse Gemeenschap",
    "fr": "Fête de la Communauté flamande",
    "en": "Day of the Flemish Community",
}
_HOLIDAY_LANGUAGE = {"nl": "nl", "fr": "fr", "en": "en_US"}
# The search for the next opening stops after this: a channel closed for longer is closed.
_HORIZON = 400


class CalendarError(ValueError):
    """A mistake in the `kalender` section, in Dutch, with file and line."""


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
        return _day_length(blocks, min(next(iter(b.weekdays)) for b in blocks))

    @property
    def reply_within(self) -> timedelta:
        """Working time from receipt to the answer: two working days of mail hours."""
        return self.reply_working_days * self.working_day


@lru_cache(maxsize=64)
def _public_holidays(year: int, language: str) -> dict[date, str]:
    return dict(holidays.Belgium(years=year, language=language))


def _day_length(blocks: Iterable[Opening], weekday: int) -> timedelta:
    total = timedelta(0)
    for block in blocks:
        if weekday in block.weekdays:
            total += datetime.combine(date.min, block.closes) - datetime.combine(
                date.min, block.opens
            )
    return total


# --- loading ---------------------------------------------------------------------------


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
    lengths = {_day_length(hours["mail"], day) for b in hours["mail"] for day in b.weekdays}
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
    return Calendar(
        zone=zone,
        hours=hours,
        reply_working_days=within,
        closing_days=_closing_days(path, section.get("sluitingsdagen"), line),
    )


def load_calendar(path: Path = CONTACT_FILE) -> Calendar:
    return parse_calendar(path, path.read_text(encoding="utf-8"))


@lru_cache(maxsize=8)
def default_calendar(path: Path = CONTACT_FILE) -> Calendar:
    """The calendar of the data file, read once per process."""
    return load_calendar(path)


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
