"""Opening hours in words: whether a line is open now, when that changes, and what the tool
cannot know (bank holidays). `hours` gives the facts; this module says them.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Literal, NamedTuple

from reportinfo.model import Channel, Contact, Report, first_phone
from reportinfo.render.phrases import MONTH_NAMES

if TYPE_CHECKING:
    from reportinfo.hours import Holiday, LineStatus

BANK_HOLIDAY_WARNING_DAYS = 365  # validate warns when the list of bank holidays ends this soon

_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

StatusKind = Literal["open", "closed", "unsure"]


class Status(NamedTuple):
    """A line's status now, in words, with the facts behind them."""

    kind: StatusKind  # how it is styled: open, closed, or not known today
    words: str  # "Closed now. Opens at 8am tomorrow."
    line: LineStatus


def describe(report: Report, contact: Contact, channel: Channel, now: datetime) -> Status | None:
    """The open-now status of a line you call or text whose hours are known, else None.

    An out-of-hours line takes its status from the contact's first phone line (its office
    line); without one whose hours are known, it has none.
    """
    if channel.kind not in ("phone", "text") or channel.hours is None:
        return None
    from reportinfo import hours

    holidays = report.bank_holidays.dates if report.bank_holidays else ()
    office = None
    if channel.hours.out_of_hours:
        office = first_phone(contact)
        if office is None or office.hours is None or office.hours.out_of_hours:
            return None
    line = hours.status(channel.hours, now, holidays, office.hours if office else None)
    kind: StatusKind = "unsure" if line.open is None else "open" if line.open else "closed"
    return Status(kind, line_status(line, now, _name(contact, office) if office else None), line)


def _name(contact: Contact, office: Channel) -> str:
    """The office line as a caller would name it: "the NSPCC Helpline"."""
    name = office.label or contact.name
    return name if name.lower().startswith("the ") else f"the {name}"


# Why a day's hours are not known, after "Today" or "it": "Today is a bank holiday".
_HOLIDAY_WORDS: dict[Holiday, str] = {
    "listed": "is a bank holiday",
    "likely": "may be a bank holiday",
    "christmas": "is Christmas Day",
    "boxing": "is Boxing Day",
    "new_year": "is New Year's Day",
}


def line_status(line: LineStatus, now: datetime, office: str | None = None) -> str:
    """Whether a line is open, in plain words: "Closed now. Opens at 8am tomorrow.".

    `office`: for an out-of-hours line, the name of the line to call while it is not the line.
    """
    from reportinfo.hours import uk_date

    today = uk_date(now)
    if line.out_of_hours:
        return _out_of_hours(line, today, office or "the office line")
    if line.open is None:
        return f"Today {_HOLIDAY_WORDS[line.holiday or 'listed']}: hours may differ today."
    if line.changes_at is None:
        if line.bank_holiday is not None:
            state = "Open now" if line.open else "Closed now"
            day = _say_day(line.bank_holiday, today)
            return (
                f"{state}. Hours may differ {day}: it {_HOLIDAY_WORDS[line.holiday or 'listed']}."
            )
        return "Open now, any time." if line.open else "Closed now."
    when = _say_when(line.changes_at, today)
    return f"Open now, until {when}." if line.open else f"Closed now. Opens at {when}."


def _out_of_hours(line: LineStatus, today: date, office: str) -> str:
    """An out-of-hours line: open for an urgent response, or not the line until `changes_at`."""
    when = _say_when(line.changes_at, today) if line.changes_at else None
    if line.open:
        return f"Open now for urgent calls, until {when}." if when else "Open now for urgent calls."
    if when:
        return f"For urgent calls out of hours, from {when}. Until then, call {office}."
    return f"For urgent calls out of hours. Now, call {office}."


def _say_when(moment: datetime, today: date) -> str:
    if moment.hour == 0 and moment.minute == 0:
        clock, day = "midnight", moment.date() - timedelta(days=1)
    else:
        clock, day = _clock(moment), moment.date()
    return clock if day == today else f"{clock} {_say_day(day, today)}"


def _say_day(day: date, today: date) -> str:
    days = (day - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    name = _DAY_NAMES[day.weekday()]
    if days < 7:
        return f"on {name}"
    if days == 7:  # the same weekday as today: say it is next week's
        return f"next {name}"
    return f"on {name} {day.day} {MONTH_NAMES[day.month - 1]}"


def _clock(moment: datetime) -> str:
    """8am, 5.30pm, midday: the way UK services write their hours."""
    if moment.hour == 12 and moment.minute == 0:
        return "midday"
    hour = moment.hour % 12 or 12
    suffix = "am" if moment.hour < 12 else "pm"
    return f"{hour}{suffix}" if moment.minute == 0 else f"{hour}.{moment.minute:02d}{suffix}"


_LIKELY = "It treats days that are likely to be bank holidays as days whose hours may differ."


def hours_caveat(report: Report, now: datetime) -> str:
    """What the open-now status does and does not allow for, today."""
    from reportinfo.hours import uk_date

    holidays = report.bank_holidays
    known_until = _known_until(report)
    if holidays is None or known_until is None:
        return f"Opening times are UK time. Bank holidays are not known to this tool. {_LIKELY}"
    if uk_date(now) > known_until:
        return (
            f"Opening times are UK time. Bank holidays after {known_until.year} are not known to "
            f"this tool. {_LIKELY}"
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
    return date(max(day.year for day in holidays.dates), 12, 31)


def bank_holidays_run_out(report: Report, now: datetime) -> str | None:
    """A warning for `validate` when the list of bank holidays ends within a year."""
    from reportinfo.hours import uk_date

    known_until = _known_until(report)
    if known_until is None:
        return "warning: bank_holidays: none are listed, so open-now can only go by the usual rules"
    if (known_until - uk_date(now)).days <= BANK_HOLIDAY_WARNING_DAYS:
        return (
            f"warning: bank_holidays: the list ends with {known_until.year}; "
            "add the next year's dates from GOV.UK"
        )
    return None
