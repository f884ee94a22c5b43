"""Is a line open now, in UK time, and when does that change? Facts only: no wording here.

Opening hours are wall-clock times in Europe/London, so a line that opens at 8am opens at 8am
GMT in winter and 8am BST in summer. Opening times become aware datetimes in UTC, which keeps
the days the clocks change right; the clock (`now`, aware, in any time zone: aware datetimes
compare as instants) is always passed in, never read here, and the day is always the UK's,
whatever the time zone of the machine or of `now`.

Bank holidays: a line open every hour of every day is unaffected. For any other line the data
says whether its bank-holiday hours are known ("closed", "usual") or not ("unknown", the
default). Some days are in doubt even so:

- a listed bank holiday, for a line whose bank-holiday hours are not known;
- a day not listed that may be one: Christmas Day, Boxing Day and New Year's Day in every year
  (even at a weekend, when the bank holiday itself moves to a weekday), and, in a year the list
  does not cover, every day that England and Wales' rules make a bank holiday (`likely`), for
  any line whose hours change on bank holidays ("unknown", or "closed" on a day it would open).

On a day in doubt the line is neither open nor closed, and no change is promised at or past the
start of such a day: a line that would open (or close) at that midnight is not said to.

An out-of-hours line (`Hours.out_of_hours`) is open whenever its office line is not open, and
is never itself in doubt: while the office line's hours are in doubt, it is open.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Collection, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal, NamedTuple
from zoneinfo import TZPATH, ZoneInfo

from reportinfo.model import WEEKDAYS, Hours

_LONDON = ("Europe", "London")


def london(system: Sequence[str], packages: Sequence[str]) -> ZoneInfo:
    """The UK's time zone: from the system's zone database (`system`: zoneinfo's TZPATH) if it
    has one, else straight from the tzdata package's file, found on `packages` (sys.path).
    Where the system has none (Windows, slim images), ZoneInfo itself would import
    importlib.resources to find that file, which costs more than the rest of the run's hours."""
    if any(os.path.isfile(os.path.join(root, *_LONDON)) for root in system):
        return ZoneInfo("/".join(_LONDON))
    for folder in packages:
        try:
            with open(os.path.join(folder, "tzdata", "zoneinfo", *_LONDON), "rb") as data:
                return ZoneInfo.from_file(data, key="/".join(_LONDON))
        except OSError:  # not in this folder (or sys.path names a zip file)
            continue
    return ZoneInfo("/".join(_LONDON))  # a zipped tzdata, or none: ZoneInfo's own search


UK = london(TZPATH, sys.path)

# What kind of day may change a line's hours: a bank holiday the data lists; one of the three
# days named by date, when not listed; or a day the rules make a bank holiday, in a year the
# list does not cover.
Holiday = Literal["listed", "likely", "christmas", "boxing", "new_year"]

_NAMED: dict[tuple[int, int], Holiday] = {
    (12, 25): "christmas",
    (12, 26): "boxing",
    (1, 1): "new_year",
}
# How far ahead to look for a change. A line with the usual hours on bank holidays repeats every
# week, so a week and a day is enough. Any other line meets a day in doubt, or a bank holiday
# it is closed on, at least once a year (1 January is one or the other), and each day it is
# closed on can only put its next opening a week later.
_USUAL_DAYS = 8
_MOST_DAYS = 400


class LineStatus(NamedTuple):
    # None: today is in doubt for this line (see `holiday`). For an out-of-hours line, False
    # means its office line is open now, and True that it is not.
    open: bool | None
    changes_at: datetime | None  # when it closes (if open) or opens (if closed), in UK time
    # A day in doubt: today when `open` is None; otherwise the day before which the status
    # holds, when that day comes before any change.
    bank_holiday: date | None = None
    holiday: Holiday | None = None  # what kind of day `bank_holiday` is
    out_of_hours: bool = False  # an out-of-hours line, whose status is its office line's gaps


def uk_date(now: datetime) -> date:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("the time must be aware: a naive time would be read in local time")
    return now.astimezone(UK).date()


def easter(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm)."""
    golden = year % 19
    century, of_century = divmod(year, 100)
    leap_centuries, century_rest = divmod(century, 4)
    moon_correction = (century + 8) // 25
    solar_correction = (century - moon_correction + 1) // 3
    epact = (19 * golden + century - leap_centuries - solar_correction + 15) % 30
    leap_years, year_rest = divmod(of_century, 4)
    to_sunday = (32 + 2 * century_rest + 2 * leap_years - epact - year_rest) % 7
    correction = (golden + 11 * epact + 22 * to_sunday) // 451
    month, day = divmod(epact + to_sunday - 7 * correction + 114, 31)
    return date(year, month, day + 1)


_LIKELY: dict[int, frozenset[date]] = {}


def likely_bank_holidays(year: int) -> frozenset[date]:
    """The days England and Wales' rules make bank holidays in `year`, substitutes included.

    New Year's Day, Good Friday, Easter Monday, the first and last Mondays of May, the last
    Monday of August, Christmas Day and Boxing Day; when New Year's Day, Christmas Day or Boxing
    Day falls at a weekend, the next weekday not already a holiday is its substitute. One-off
    changes (a moved or an extra day) cannot be known in advance.
    """
    if year in _LIKELY:
        return _LIKELY[year]
    easter_sunday = easter(year)
    may_first, may_last, august_last = date(year, 5, 1), date(year, 5, 31), date(year, 8, 31)
    days = {
        easter_sunday - timedelta(days=2),
        easter_sunday + timedelta(days=1),
        may_first + timedelta(days=-may_first.weekday() % 7),
        may_last - timedelta(days=may_last.weekday()),
        august_last - timedelta(days=august_last.weekday()),
    }
    for group in ((date(year, 1, 1),), (date(year, 12, 25), date(year, 12, 26))):
        days.update(group)
        taken = {day for day in group if day.weekday() < 5}
        for day in group:
            if day.weekday() >= 5:
                substitute = day + timedelta(days=1)
                while substitute.weekday() >= 5 or substitute in taken:
                    substitute += timedelta(days=1)
                taken.add(substitute)
                days.add(substitute)
    _LIKELY[year] = frozenset(days)
    return _LIKELY[year]


class _Calendar(NamedTuple):
    listed: frozenset[date]
    years: frozenset[int]  # the years the list speaks for

    def holiday(self, day: date) -> Holiday | None:
        if day in self.listed:
            return "listed"
        named = _NAMED.get((day.month, day.day))
        if named is not None:
            return named
        if day.year not in self.years and day in likely_bank_holidays(day.year):
            return "likely"
        return None


def _calendar(bank_holidays: Collection[date]) -> _Calendar:
    listed = frozenset(bank_holidays)
    return _Calendar(listed, frozenset(day.year for day in listed))


def holiday(day: date, bank_holidays: Collection[date] = ()) -> Holiday | None:
    """Whether hours may differ on `day` (a UK date), given the listed bank holidays, and why.

    Listed days count for the years the list has any day in; every other year goes by the rules.
    """
    return _calendar(bank_holidays).holiday(day)


def status(
    opening_hours: Hours,
    now: datetime,
    bank_holidays: Collection[date] = (),
    office: Hours | None = None,
) -> LineStatus:
    """The line's status at `now`. `office`: for an out-of-hours line, its office line's hours."""
    if opening_hours.always:
        return LineStatus(open=True, changes_at=None)
    today = uk_date(now)
    calendar = _calendar(bank_holidays)
    if opening_hours.out_of_hours:
        return _out_of_hours(office, today, now, calendar)
    doubt = _in_doubt(opening_hours, today, calendar)
    if doubt is not None:
        return LineStatus(open=None, changes_at=None, bank_holiday=today, holiday=doubt)
    start, end, barrier = _next_period(opening_hours, today, now, calendar, stop_at_doubt=True)
    is_open = start is not None and start <= now
    change = end if is_open else start
    if barrier is not None and (change is None or change >= _at(barrier, "00:00")):
        # Nothing is promised at or past the start of a day in doubt.
        return LineStatus(
            open=is_open, changes_at=None, bank_holiday=barrier, holiday=calendar.holiday(barrier)
        )
    return LineStatus(open=is_open, changes_at=change.astimezone(UK) if change else None)


def _out_of_hours(
    office: Hours | None, today: date, now: datetime, calendar: _Calendar
) -> LineStatus:
    if office is None or office.out_of_hours:
        raise ValueError("an out-of-hours line needs the hours of its office line")
    if office.always:
        return LineStatus(open=False, changes_at=None, out_of_hours=True)
    start, end, _ = _next_period(office, today, now, calendar, stop_at_doubt=False)
    office_open = start is not None and start <= now
    change = end if office_open else start
    return LineStatus(
        open=not office_open,
        changes_at=change.astimezone(UK) if change else None,
        out_of_hours=True,
    )


def _in_doubt(opening_hours: Hours, day: date, calendar: _Calendar) -> Holiday | None:
    """Why the line's hours on `day` are not known, or None when they are."""
    kind = _day(opening_hours, day, calendar)
    return None if kind == "closed" else kind


def _day(
    opening_hours: Hours, day: date, calendar: _Calendar
) -> Holiday | Literal["closed"] | None:
    """What a bank holiday does to the line on `day`: "closed", in doubt (why), or nothing."""
    if opening_hours.bank_holidays == "usual":
        return None
    kind = calendar.holiday(day)
    if kind is None or opening_hours.bank_holidays == "unknown":
        return kind
    # Closed on bank holidays: closed on a listed one for sure, and on a day in doubt on which
    # the weekly hours do not open anyway.
    if kind == "listed" or not _openings(opening_hours, day):
        return "closed"
    return kind


def _openings(opening_hours: Hours, day: date) -> list[tuple[str, str]]:
    weekday = WEEKDAYS[day.weekday()]
    return [(o.opens, o.closes) for o in opening_hours.weekly if weekday in o.days]


def _next_period(
    opening_hours: Hours, today: date, now: datetime, calendar: _Calendar, *, stop_at_doubt: bool
) -> tuple[datetime | None, datetime | None, date | None]:
    """The first opening period, touching ones merged, that ends after `now`, and a barrier.

    Returns (start, end, barrier), in UTC: start None when no opening is in sight; end None when
    the period runs on past the days looked at. Days in doubt count as closed; with
    `stop_at_doubt`, the first one after today ends the search and is returned as the barrier.
    """
    current: list[datetime] | None = None  # [start, end] of the period being merged
    days = _USUAL_DAYS if opening_hours.bank_holidays == "usual" else _MOST_DAYS
    barrier = None
    for offset in range(days):
        day = today + timedelta(days=offset)
        kind = _day(opening_hours, day, calendar)
        if kind == "closed":
            continue
        if kind is not None:
            if stop_at_doubt:
                barrier = day
                break
            continue
        for opens, closes in sorted(_openings(opening_hours, day)):
            start, end = _at(day, opens), _at(day, closes)
            if current is not None and start <= current[1]:
                current[1] = max(end, current[1])
                continue
            if current is not None and current[1] > now:
                return current[0], current[1], None
            current = [start, end]
    if current is None or current[1] <= now:
        return None, None, barrier
    # A period that runs to the last day looked at may run on: its end is not in sight.
    runs_on = current[1] >= _at(today + timedelta(days=days), "00:00")
    return current[0], None if runs_on else current[1], barrier


_TIMES: dict[str, tuple[int, int]] = {}


def _at(day: date, hh_mm: str) -> datetime:
    if hh_mm == "24:00":
        day, hh_mm = day + timedelta(days=1), "00:00"
    if hh_mm not in _TIMES:
        hour, minute = map(int, hh_mm.split(":"))
        _TIMES[hh_mm] = (hour, minute)
    hour, minute = _TIMES[hh_mm]
    return datetime.combine(day, time(hour, minute), tzinfo=UK).astimezone(UTC)
