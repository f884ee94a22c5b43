"""Is a line open now, in UK time, and when does that change?

Opening hours are wall-clock times in Europe/London, so a line that opens at 8am opens at 8am
GMT in winter and 8am BST in summer. All arithmetic is done on aware datetimes converted to UTC,
which keeps the days the clocks change right. The clock is always passed in, never read here.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

from reportinfo.model import WEEKDAYS, Hours

UK = ZoneInfo("Europe/London")
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_HORIZON_DAYS = 8  # every weekly pattern repeats within a week, so a week and a day is enough


class LineStatus(NamedTuple):
    open: bool
    changes_at: datetime | None  # when it closes (if open) or opens (if closed); None: never


def status(hours: Hours, now: datetime) -> LineStatus:
    if hours.always:
        return LineStatus(open=True, changes_at=None)
    now = now.astimezone(UTC)
    for start, end in _open_periods(hours, now):
        if start <= now < end:
            return LineStatus(open=True, changes_at=end.astimezone(UK))
        if start > now:
            return LineStatus(open=False, changes_at=start.astimezone(UK))
    return LineStatus(open=False, changes_at=None)


def describe(line: LineStatus, now: datetime) -> str:
    """The status in plain words, for example "Closed now. Opens at 8am tomorrow"."""
    if line.changes_at is None:
        return "Open now, any time" if line.open else "Closed"
    when = _say_when(line.changes_at, now.astimezone(UK).date())
    return f"Open now, until {when}" if line.open else f"Closed now. Opens at {when}"


def _open_periods(hours: Hours, now: datetime) -> list[tuple[datetime, datetime]]:
    """Opening periods from yesterday to a week ahead, in UTC, sorted, touching ones merged."""
    today = now.astimezone(UK).date()
    periods = []
    for offset in range(-1, _HORIZON_DAYS):
        day = today + timedelta(days=offset)
        weekday = WEEKDAYS[day.weekday()]
        for opening in hours.weekly:
            if weekday in opening.days:
                periods.append((_at(day, opening.opens), _at(day, opening.closes)))
    periods.sort()
    merged: list[tuple[datetime, datetime]] = []
    for start, end in periods:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _at(day: date, hh_mm: str) -> datetime:
    if hh_mm == "24:00":
        day, hh_mm = day + timedelta(days=1), "00:00"
    hour, minute = map(int, hh_mm.split(":"))
    return datetime.combine(day, time(hour, minute), tzinfo=UK).astimezone(UTC)


def _say_when(moment: datetime, today: date) -> str:
    if moment.hour == 0 and moment.minute == 0:
        clock, day = "midnight", moment.date() - timedelta(days=1)
    else:
        clock, day = _clock(moment), moment.date()
    if day == today:
        return clock
    if day == today + timedelta(days=1):
        return f"{clock} tomorrow"
    return f"{clock} on {_DAY_NAMES[day.weekday()]}"


def _clock(moment: datetime) -> str:
    """8am, 5.30pm, midday: the way UK services write their hours."""
    if moment.hour == 12 and moment.minute == 0:
        return "midday"
    hour = moment.hour % 12 or 12
    suffix = "am" if moment.hour < 12 else "pm"
    return f"{hour}{suffix}" if moment.minute == 0 else f"{hour}.{moment.minute:02d}{suffix}"
