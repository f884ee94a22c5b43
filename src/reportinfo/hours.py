"""Is a line open now, in UK time, and when does that change? Facts only: no wording here.

Opening hours are wall-clock times in Europe/London, so a line that opens at 8am opens at 8am
GMT in winter and 8am BST in summer. All arithmetic is done on aware datetimes converted to UTC,
which keeps the days the clocks change right. The clock is always passed in, never read here.

Bank holidays: a line open every hour of every day is unaffected. For any other line the data
says whether its bank-holiday hours are known ("closed", "usual") or not ("unknown", the
default). On a bank holiday with unknown hours the line is neither open nor closed, and no
change is promised past the start of such a day.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, date, datetime, time, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

from reportinfo.model import WEEKDAYS, Hours

UK = ZoneInfo("Europe/London")
_HORIZON_DAYS = 8  # every weekly pattern repeats within a week, so a week and a day is enough
_FOREVER = datetime.max.replace(tzinfo=UTC)  # the end of a period that does not end in sight


class LineStatus(NamedTuple):
    open: bool | None  # None: a bank holiday today, and the line's hours on one are not known
    changes_at: datetime | None  # when it closes (if open) or opens (if closed), in UK time
    # A bank holiday with unknown hours: today when `open` is None; otherwise the day before
    # which the status holds, when that day comes before any change.
    bank_holiday: date | None = None


def uk_date(now: datetime) -> date:
    return now.astimezone(UK).date()


def status(opening_hours: Hours, now: datetime, bank_holidays: Collection[date] = ()) -> LineStatus:
    if opening_hours.always:
        return LineStatus(open=True, changes_at=None)
    today = uk_date(now)
    unknown_days = (
        []
        if opening_hours.bank_holidays != "unknown"
        else sorted(d for d in bank_holidays if d >= today)
    )
    if unknown_days and unknown_days[0] == today:
        return LineStatus(open=None, changes_at=None, bank_holiday=today)
    barrier = unknown_days[0] if unknown_days else None
    limit = _at(barrier, "00:00") if barrier else None
    now = now.astimezone(UTC)
    for start, end in _open_periods(opening_hours, today, bank_holidays):
        if start <= now < end:
            return _until(True, None if end == _FOREVER else end, limit, barrier)
        if start > now:
            return _until(False, start, limit, barrier)
    return _until(False, None, limit, barrier)


def _until(
    is_open: bool, change: datetime | None, limit: datetime | None, barrier: date | None
) -> LineStatus:
    if limit is not None and (change is None or change > limit):
        return LineStatus(open=is_open, changes_at=None, bank_holiday=barrier)
    return LineStatus(open=is_open, changes_at=change.astimezone(UK) if change else None)


def _open_periods(
    opening_hours: Hours, today: date, bank_holidays: Collection[date]
) -> list[tuple[datetime, datetime]]:
    """Opening periods from yesterday to a week ahead, in UTC, sorted, touching ones merged.

    A period that runs to the end of the horizon never ends as far as anyone asking now need
    know, so it is left open-ended (a week of weekly hours that covers every hour).
    """
    periods = []
    horizon_end = _at(today + timedelta(days=_HORIZON_DAYS), "00:00")
    for offset in range(-1, _HORIZON_DAYS):
        day = today + timedelta(days=offset)
        if day in bank_holidays and opening_hours.bank_holidays == "closed":
            continue
        weekday = WEEKDAYS[day.weekday()]
        for opening in opening_hours.weekly:
            if weekday in opening.days:
                periods.append((_at(day, opening.opens), _at(day, opening.closes)))
    periods.sort()
    merged: list[tuple[datetime, datetime]] = []
    for start, end in periods:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    if merged and merged[-1][1] >= horizon_end:
        merged[-1] = (merged[-1][0], _FOREVER)
    return merged


def _at(day: date, hh_mm: str) -> datetime:
    if hh_mm == "24:00":
        day, hh_mm = day + timedelta(days=1), "00:00"
    hour, minute = map(int, hh_mm.split(":"))
    return datetime.combine(day, time(hour, minute), tzinfo=UK).astimezone(UTC)
