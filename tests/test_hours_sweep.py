"""Fifteen years of bank holidays, listed and by rule, against a well-kept library.

Every day from 2 December 2026 to the end of 2040, at four times of day (UK time), the status of
each line with hours is checked against `holidays` (a test-only package): on every real bank
holiday, and on Christmas, Boxing and New Year's Day at a weekend, no line whose bank-holiday
hours are not known is called open or closed, and on no other day is one in doubt; nothing is
promised past the start of such a day; and the Emergency Duty Team is open exactly when the
First Response Team is not.
"""

from __future__ import annotations

import bisect
from datetime import date, datetime, timedelta

import pytest

from reportinfo import hours, loader
from reportinfo.hours import UK
from reportinfo.model import Hours

REPORT = loader.load()
assert REPORT.bank_holidays is not None
BANK_HOLIDAYS = REPORT.bank_holidays.dates
FIRST_DAY, LAST_DAY = date(2026, 12, 2), date(2040, 12, 31)
TIMES = ((0, 30), (9, 30), (17, 45), (23, 0))


def _hours(contact_id: str, index: int) -> Hours:
    found = REPORT.contact(contact_id).channels[index].hours
    assert found is not None
    return found


NSPCC_PHONE = _hours("nspcc-helpline", 0)
FIRST_RESPONSE = _hours("bucks-first-response", 0)
OUT_OF_HOURS = _hours("bucks-first-response", 1)
# Every line in the data whose bank-holiday hours are not known, and that is no out-of-hours line.
UNKNOWN = [
    channel.hours
    for contact in REPORT.contacts
    for channel in contact.channels
    if channel.kind in ("phone", "text")
    and channel.hours is not None
    and not channel.hours.always
    and not channel.hours.out_of_hours
    and channel.hours.bank_holidays == "unknown"
]


def test_the_sweep_covers_the_lines_that_matter() -> None:
    assert NSPCC_PHONE in UNKNOWN
    assert FIRST_RESPONSE in UNKNOWN
    assert OUT_OF_HOURS.out_of_hours
    assert LAST_DAY.year > max(day.year for day in BANK_HOLIDAYS) + 10


def test_fifteen_years_of_bank_holidays() -> None:
    holidays = pytest.importorskip("holidays")
    real = sorted(
        holidays.country_holidays(
            "GB", subdiv="ENG", years=range(FIRST_DAY.year, LAST_DAY.year + 2)
        )
    )
    real_days = set(real)
    checked_holidays = 0
    day = FIRST_DAY
    while day <= LAST_DAY:
        next_holiday = real[bisect.bisect_right(real, day)]
        next_midnight = datetime(next_holiday.year, next_holiday.month, next_holiday.day, tzinfo=UK)
        for hour, minute in TIMES:
            now = datetime(day.year, day.month, day.day, hour, minute, tzinfo=UK)
            for line in UNKNOWN:
                status = hours.status(line, now, BANK_HOLIDAYS)
                if day in real_days:
                    assert status.open is None, (now, line.text)
                    assert status.bank_holiday == day, (now, line.text)
                    continue
                assert status.open is not None, (now, line.text)
                if status.changes_at is not None:  # nothing promised past a day in doubt
                    assert status.changes_at < next_midnight, (now, line.text)
                else:
                    assert status.bank_holiday == next_holiday, (now, line.text)
            office = hours.status(FIRST_RESPONSE, now, BANK_HOLIDAYS)
            duty = hours.status(OUT_OF_HOURS, now, BANK_HOLIDAYS, FIRST_RESPONSE)
            assert duty.open is (office.open is not True), now
            assert duty.bank_holiday is None, now
            if duty.open:  # open until the office line next opens, which is on an ordinary day
                assert duty.changes_at is not None, now
                assert duty.changes_at.astimezone(UK).date() not in real_days, now
                assert duty.changes_at.astimezone(UK).hour == 9, now
            else:
                assert office.changes_at == duty.changes_at, now
        checked_holidays += day in real_days
        day += timedelta(days=1)
    assert checked_holidays == len([d for d in real if FIRST_DAY <= d <= LAST_DAY])
    assert checked_holidays > 14 * 8
