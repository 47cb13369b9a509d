"""Due times to the minute: 16 working hours, Brussels working days, holidays and DST."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from formhandler.core.calendar_file import default_calendar
from formhandler.core.workdays import (
    BRUSSELS,
    closed_reason,
    describe_left,
    reply_due,
    working_time_between,
    working_time_left,
)

EXTRA_CLOSING_DAY = date(2026, 11, 27)

# (received, due, configured closing days, why the row is here). Times are Brussels wall
# clock unless they end in "UTC"; the weekday names are checked against the dates.
DUE_TIMES = [
    ("Mon 2026-11-23 10:00", "Wed 2026-11-25 10:00", (), "a plain working day"),
    ("Fri 2026-11-20 16:00", "Tue 2026-11-24 16:00", (), "over a weekend"),
    ("Sat 2026-11-21 10:00", "Tue 2026-11-24 17:00", (), "on a Saturday"),
    ("Sun 2026-11-22 15:00", "Tue 2026-11-24 17:00", (), "on a Sunday"),
    ("Mon 2026-11-23 16:59", "Wed 2026-11-25 16:59", (), "one minute before closing"),
    ("Mon 2026-11-23 17:00", "Wed 2026-11-25 17:00", (), "at closing time"),
    ("Mon 2026-11-23 08:59", "Tue 2026-11-24 17:00", (), "one minute before opening"),
    ("Mon 2026-11-23 09:00", "Tue 2026-11-24 17:00", (), "at opening time"),
    ("Mon 2026-11-23 23:30", "Wed 2026-11-25 17:00", (), "late in the evening"),
    ("Fri 2026-04-03 12:00", "Wed 2026-04-08 12:00", (), "Easter Monday"),
    ("Wed 2026-05-13 10:00", "Mon 2026-05-18 10:00", (), "Ascension Day"),
    ("Fri 2026-05-22 09:00", "Tue 2026-05-26 17:00", (), "Whit Monday"),
    ("Mon 2028-07-10 13:00", "Thu 2028-07-13 13:00", (), "11 July, Flemish holiday"),
    ("Mon 2026-07-20 11:00", "Thu 2026-07-23 11:00", (), "21 July, national holiday"),
    ("Mon 2028-08-14 15:00", "Thu 2028-08-17 15:00", (), "15 August, Assumption"),
    ("Fri 2027-10-29 10:00", "Wed 2027-11-03 10:00", (), "1 November, All Saints"),
    ("Tue 2026-11-10 16:00", "Fri 2026-11-13 16:00", (), "11 November, Armistice"),
    ("Thu 2026-12-24 10:00", "Tue 2026-12-29 10:00", (), "Christmas"),
    ("Thu 2026-12-31 12:00", "Tue 2027-01-05 12:00", (), "New Year"),
    ("Fri 2026-03-27 13:00", "Tue 2026-03-31 13:00", (), "clocks go forward on Sunday"),
    ("Sun 2026-03-29 01:30 UTC", "Tue 2026-03-31 17:00", (), "in the hour that is skipped"),
    ("Fri 2026-10-23 15:00", "Tue 2026-10-27 15:00", (), "clocks go back on Sunday"),
    ("Sun 2026-10-25 00:30 UTC", "Tue 2026-10-27 17:00", (), "in the hour that repeats"),
    ("Thu 2026-11-26 10:00", "Mon 2026-11-30 10:00", (), "Friday open without config"),
    ("Thu 2026-11-26 10:00", "Tue 2026-12-01 10:00", (EXTRA_CLOSING_DAY,), "closing day"),
]


def moment(text: str) -> datetime:
    """Parse "Fri 2026-11-20 16:00" (Brussels) or "... UTC", checking the weekday name."""
    weekday, rest = text.split(" ", 1)
    zone = BRUSSELS
    if rest.endswith(" UTC"):
        rest, zone = rest.removesuffix(" UTC"), UTC
    parsed = datetime.strptime(rest, "%Y-%m-%d %H:%M").replace(tzinfo=zone)
    assert parsed.strftime("%a") == weekday, f"{text}: that date is a {parsed:%A}"
    return parsed


@pytest.mark.parametrize(
    ("received", "due", "closing_days", "why"), DUE_TIMES, ids=[row[3] for row in DUE_TIMES]
)
def test_reply_is_due_sixteen_working_hours_after_receipt(received, due, closing_days, why):
    result = reply_due(moment(received), default_calendar().with_closing_days(closing_days))
    expected = moment(due)
    assert result == expected, f"{why}: due {result:%a %Y-%m-%d %H:%M %z}"
    assert result.tzinfo == ZoneInfo("Europe/Brussels")
    # Same wall-clock reading and the right offset for that date (summer +02:00, winter +01:00).
    assert result.strftime("%a %Y-%m-%d %H:%M") == due.removesuffix(" UTC")
    assert result.utcoffset() == expected.utcoffset()


def test_due_time_is_the_same_instant_whatever_zone_the_receipt_is_in():
    in_brussels = moment("Fri 2026-11-20 16:00")
    in_utc = in_brussels.astimezone(UTC)
    assert reply_due(in_utc) == reply_due(in_brussels)
    assert str(reply_due(in_utc).tzinfo) == "Europe/Brussels"


def test_naive_datetime_is_refused():
    with pytest.raises(ValueError, match="aware"):
        reply_due(datetime(2026, 11, 23, 10, 0))


def test_closing_days_and_holidays_have_a_reason_in_dutch():
    assert closed_reason(date(2028, 7, 11)) == "Feest van de Vlaamse Gemeenschap"
    assert closed_reason(date(2026, 4, 6)) == "Paasmaandag"
    closing = default_calendar().with_closing_days((EXTRA_CLOSING_DAY,))
    assert closed_reason(date(2026, 11, 27), closing) == "sluitingsdag"
    assert closed_reason(date(2026, 11, 21)) == "weekend"
    assert closed_reason(date(2026, 11, 23)) is None


@pytest.mark.parametrize(
    ("due", "now", "left"),
    [
        ("Wed 2026-11-25 10:00", "Mon 2026-11-23 10:00", timedelta(hours=16)),
        ("Wed 2026-11-25 10:00", "Tue 2026-11-24 17:00", timedelta(hours=1)),
        ("Wed 2026-11-25 10:00", "Tue 2026-11-24 22:00", timedelta(hours=1)),
        ("Wed 2026-11-25 10:00", "Wed 2026-11-25 10:00", timedelta(0)),
        ("Wed 2026-11-25 10:00", "Wed 2026-11-25 11:30", -timedelta(hours=1, minutes=30)),
        ("Mon 2026-11-23 16:00", "Tue 2026-11-24 10:00", -timedelta(hours=2)),
        ("Tue 2026-11-24 16:00", "Fri 2026-11-20 16:00", timedelta(hours=16)),
    ],
)
def test_working_time_left_counts_only_working_hours(due, now, left):
    assert working_time_left(moment(due), moment(now)) == left


@pytest.mark.parametrize(
    ("left", "words"),
    [
        (timedelta(hours=3), "nog 3 werkuren"),
        (timedelta(hours=1), "nog 1 werkuur"),
        (timedelta(hours=2, minutes=15), "nog 2 u 15 min werktijd"),
        (timedelta(minutes=20), "nog 20 min werktijd"),
        (timedelta(0), "nu te beantwoorden"),
        (-timedelta(hours=2), "2 werkuren te laat"),
    ],
)
def test_time_left_is_described_in_the_words_of_the_queue(left, words):
    assert describe_left(left) == words


@given(
    st.datetimes(
        min_value=datetime(2026, 1, 1), max_value=datetime(2028, 12, 31), timezones=st.just(UTC)
    )
)
def test_every_due_time_is_exactly_sixteen_working_hours_away_and_within_opening_hours(received):
    due = reply_due(received)
    assert working_time_between(received, due) == timedelta(hours=16)
    assert due.weekday() < 5
    assert time(9, 0) < due.time() <= time(17, 0)
