"""Opening hours in words: whether a line is open now, when that changes, and what the tool
cannot know (bank holidays). `hours` gives the facts; this module says them.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Literal, NamedTuple

from reportinfo.model import Channel, Contact, Report

if TYPE_CHECKING:
    from reportinfo.hours import LineStatus

BANK_HOLIDAY_WARNING_DAYS = 365  # validate warns when the list of bank holidays ends this soon

_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

StatusKind = Literal["open", "closed", "unsure"]


class Status(NamedTuple):
    """A line's status now, in words, with the facts behind them."""

    kind: StatusKind  # how it is styled: open, closed, or not known today
    words: str  # "Closed now. Opens at 8am tomorrow."
    line: LineStatus


def describe(report: Report, contact: Contact, channel: Channel, now: datetime) -> Status | None:
    """The open-now status of a line you call or text whose hours are known, else None."""
    if channel.kind not in ("phone", "text") or channel.hours is None:
        return None
    from reportinfo import hours

    holidays = report.bank_holidays.dates if report.bank_holidays else ()
    line = hours.status(channel.hours, now, holidays)
    kind: StatusKind = "unsure" if line.open is None else "open" if line.open else "closed"
    return Status(kind, line_status(line, now), line)


def line_status(line: LineStatus, now: datetime) -> str:
    """Whether a line is open, in plain words: "Closed now. Opens at 8am tomorrow."."""
    from reportinfo.hours import uk_date

    today = uk_date(now)
    if line.open is None:
        return "Today is a bank holiday: hours may differ today."
    if line.changes_at is None:
        if line.bank_holiday is not None:
            state = "Open now" if line.open else "Closed now"
            return (
                f"{state}. Hours may differ {_say_day(line.bank_holiday, today)}, a bank holiday."
            )
        return "Open now, any time." if line.open else "Closed."
    when = _say_when(line.changes_at, today)
    return f"Open now, until {when}." if line.open else f"Closed now. Opens at {when}."


def _say_when(moment: datetime, today: date) -> str:
    if moment.hour == 0 and moment.minute == 0:
        clock, day = "midnight", moment.date() - timedelta(days=1)
    else:
        clock, day = _clock(moment), moment.date()
    return clock if day == today else f"{clock} {_say_day(day, today)}"


def _say_day(day: date, today: date) -> str:
    if day == today:
        return "today"
    if day == today + timedelta(days=1):
        return "tomorrow"
    if (day - today).days >= 7:  # the same weekday as today, or later: say it is next week's
        return f"next {_DAY_NAMES[day.weekday()]}"
    return f"on {_DAY_NAMES[day.weekday()]}"


def _clock(moment: datetime) -> str:
    """8am, 5.30pm, midday: the way UK services write their hours."""
    if moment.hour == 12 and moment.minute == 0:
        return "midday"
    hour = moment.hour % 12 or 12
    suffix = "am" if moment.hour < 12 else "pm"
    return f"{hour}{suffix}" if moment.minute == 0 else f"{hour}.{moment.minute:02d}{suffix}"


def hours_caveat(report: Report, now: datetime) -> str:
    """What the open-now status does and does not allow for, today."""
    from reportinfo.hours import uk_date

    holidays = report.bank_holidays
    known_until = _known_until(report)
    if holidays is None or known_until is None:
        return (
            "Opening times are UK time. Bank holidays are not known to this tool: "
            "hours may differ on them."
        )
    if uk_date(now) > known_until:
        return (
            f"Opening times are UK time. Bank holidays after {known_until.year} are not known to "
            "this tool: hours may differ on them."
        )
    return (
        f"Opening times are UK time. On bank holidays in {holidays.region}, lines that are not "
        "open all the time may keep different hours."
    )


def _known_until(report: Report) -> date | None:
    """The last day the list of bank holidays speaks for: the end of its last year."""
    holidays = report.bank_holidays
    if holidays is None or not holidays.dates:
        return None
    return date(holidays.dates[-1].year, 12, 31)


def bank_holidays_run_out(report: Report, now: datetime) -> str | None:
    """A warning for `validate` when the list of bank holidays ends within a year."""
    from reportinfo.hours import uk_date

    known_until = _known_until(report)
    if known_until is None:
        return "warning: bank_holidays: none are listed, so open-now cannot allow for them"
    if (known_until - uk_date(now)).days <= BANK_HOLIDAY_WARNING_DAYS:
        return (
            f"warning: bank_holidays: the list ends with {known_until.year}; "
            "add the next year's dates from GOV.UK"
        )
    return None
