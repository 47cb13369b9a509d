"""Working time of the helpline: when a reply is due and how much time is left.

Working hours are Monday to Friday 09:00-17:00 in Europe/Brussels. The helpline is
closed on Belgian public holidays (from the `holidays` package, never a hand-typed
list), on 11 July (the Flemish holiday, which `holidays.Belgium` does not have in any
subdivision or category) and on the closing days in configuration.

All arithmetic is done per working day on local wall-clock times. A working day never
contains a daylight-saving change (those happen at night), so 09:00-17:00 is always
eight real hours and the results are right across both changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

BRUSSELS = ZoneInfo("Europe/Brussels")
OPENS = time(9, 0)
CLOSES = time(17, 0)
# Two working days: the promise made to everyone who writes.
REPLY_WITHIN = timedelta(hours=16)


@lru_cache(maxsize=64)
def _public_holidays(year: int) -> frozenset[date]:
    days = set(holidays.Belgium(years=year, language="nl"))
    days.add(date(year, 7, 11))  # Feest van de Vlaamse Gemeenschap
    return frozenset(days)


def closed_reason(day: date, closing_days: Iterable[date] = ()) -> str | None:
    """Why the helpline is closed on `day` (for the staff side), or None when it is open."""
    if day.weekday() >= 5:
        return "weekend"
    if day in set(closing_days):
        return "sluitingsdag"
    if day == date(day.year, 7, 11):
        return "Feest van de Vlaamse Gemeenschap"
    if day in _public_holidays(day.year):
        return holidays.Belgium(years=day.year, language="nl").get(day)
    return None


def is_working_day(day: date, closing_days: Iterable[date] = ()) -> bool:
    return day.weekday() < 5 and day not in _public_holidays(day.year) and day not in closing_days


def _require_aware(moment: datetime, name: str) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be an aware datetime, got {moment!r}")
    return moment.astimezone(BRUSSELS)


def _window(day: date) -> tuple[datetime, datetime]:
    return (
        datetime.combine(day, OPENS, tzinfo=BRUSSELS),
        datetime.combine(day, CLOSES, tzinfo=BRUSSELS),
    )


def add_working_time(
    start: datetime, amount: timedelta, closing_days: Iterable[date] = ()
) -> datetime:
    """The moment `amount` of working time after `start` (aware in, Brussels out)."""
    closed = frozenset(closing_days)
    position = _require_aware(start, "start")
    remaining = amount
    day = position.date()
    # A reply window never spans more than a few weeks, even over Christmas; the bound
    # only guards against an endless loop when every day is configured closed.
    for _ in range(3660):
        if is_working_day(day, closed):
            opens, closes = _window(day)
            begin = max(position, opens)
            if begin < closes:
                available = closes - begin
                if remaining <= available:
                    return begin + remaining
                remaining -= available
        day += timedelta(days=1)
    raise ValueError("no working day found within ten years; check the closing days")


def reply_due(received: datetime, closing_days: Iterable[date] = ()) -> datetime:
    """When a message received at `received` must be answered: 16 working hours later.

    A message received outside working hours starts counting at the next opening, so a
    message sent on Saturday is due on Tuesday at 17:00.
    """
    return add_working_time(received, REPLY_WITHIN, closing_days)


def working_time_between(
    start: datetime, end: datetime, closing_days: Iterable[date] = ()
) -> timedelta:
    """Working time from `start` to `end`; zero when `end` is not after `start`."""
    closed = frozenset(closing_days)
    begin = _require_aware(start, "start")
    finish = _require_aware(end, "end")
    total = timedelta(0)
    day = begin.date()
    while day <= finish.date():
        if is_working_day(day, closed):
            opens, closes = _window(day)
            low, high = max(begin, opens), min(finish, closes)
            if low < high:
                total += high - low
        day += timedelta(days=1)
    return total


def working_time_left(due: datetime, now: datetime, closing_days: Iterable[date] = ()) -> timedelta:
    """Working time from `now` until `due`: negative when overdue, zero at the due moment."""
    if now <= due:
        return working_time_between(now, due, closing_days)
    return -working_time_between(due, now, closing_days)


def describe_left(left: timedelta) -> str:
    """Working time left in the words of the queue: "nog 3 werkuren", "2 werkuren te laat"."""
    minutes = int(abs(left).total_seconds() // 60)
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        amount = f"{hours} u {rest} min werktijd"
    elif hours:
        amount = f"{hours} {'werkuur' if hours == 1 else 'werkuren'}"
    else:
        amount = f"{rest} min werktijd"
    if left > timedelta(0):
        return f"nog {amount}"
    if left == timedelta(0):
        return "nu te beantwoorden"
    return f"{amount} te laat"
