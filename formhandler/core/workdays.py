"""Working time of the helpline: when a reply is due and how much time is left.

Working time is the time helpers answer mail, from the calendar in data/contact.yml
(formhandler/core/opening_hours.py, read by calendar_file.py): its days and hours, its
time zone, the public holidays, 11 July and the configured closing days. The promise is a
number of working days; a message received outside working time starts counting at the
next opening.

Every function takes the calendar to use (`Settings.calendar` in the service); without
one, the data file's. All arithmetic is done per day on local wall-clock times. Opening
hours never contain a daylight-saving change (those happen at night), so the results are
right across both changes.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from formhandler.core.calendar_file import default_calendar
from formhandler.core.opening_hours import Calendar

# The calendar's time zone, for code that shows a moment in 1712's local time.
BRUSSELS = default_calendar().zone


def _calendar(calendar: Calendar | None) -> Calendar:
    return calendar if calendar is not None else default_calendar()


def closed_reason(day: date, calendar: Calendar | None = None) -> str | None:
    """Why no mail is answered on `day` (for the staff side), or None on a working day."""
    cal = _calendar(calendar)
    holiday = cal.holiday(day, "nl")
    if holiday is not None:
        return holiday
    if not cal.is_working_day(day):
        return "weekend" if day.weekday() >= 5 else "geen werkdag"
    return None


def is_working_day(day: date, calendar: Calendar | None = None) -> bool:
    return _calendar(calendar).is_working_day(day)


def add_working_time(
    start: datetime, amount: timedelta, calendar: Calendar | None = None
) -> datetime:
    """The moment `amount` of working time after `start` (aware in, local time out)."""
    cal = _calendar(calendar)
    position = cal.local(start)
    remaining = amount
    day = position.date()
    # A reply window never spans more than a few weeks, even over Christmas; the bound
    # only guards against an endless loop when every day is configured closed.
    for _ in range(3660):
        for opens, closes in cal.windows("mail", day):
            begin = max(position, opens)
            if begin < closes:
                available = closes - begin
                if remaining <= available:
                    return begin + remaining
                remaining -= available
        day += timedelta(days=1)
    raise ValueError("no working day found within ten years; check the closing days")


def reply_due(received: datetime, calendar: Calendar | None = None) -> datetime:
    """When a message received at `received` must be answered: the promised working days
    later (16 working hours with 8-hour days). A message sent on Saturday is due on
    Tuesday at closing time."""
    cal = _calendar(calendar)
    return add_working_time(received, cal.reply_within, cal)


def working_time_between(
    start: datetime, end: datetime, calendar: Calendar | None = None
) -> timedelta:
    """Working time from `start` to `end`; zero when `end` is not after `start`."""
    cal = _calendar(calendar)
    begin, finish = cal.local(start), cal.local(end)
    total = timedelta(0)
    day = begin.date()
    while day <= finish.date():
        for opens, closes in cal.windows("mail", day):
            low, high = max(begin, opens), min(finish, closes)
            if low < high:
                total += high - low
        day += timedelta(days=1)
    return total


def working_time_left(due: datetime, now: datetime, calendar: Calendar | None = None) -> timedelta:
    """Working time from `now` until `due`: negative when overdue, zero at the due moment."""
    if now <= due:
        return working_time_between(now, due, calendar)
    return -working_time_between(due, now, calendar)


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
