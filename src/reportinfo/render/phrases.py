"""Every sentence the output formats share, built from the report's own data.

The other modules decide where words go and how they look; the words themselves are here.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple

from reportinfo.model import Channel, Contact, Report, Source, first_phone

if TYPE_CHECKING:
    from reportinfo.hours import LineStatus

CONTACTS_COMMAND = "reportinfo help-contacts"
MORE_HELP = "More help:"
STALE_AFTER_DAYS = 365
BANK_HOLIDAY_WARNING_DAYS = 365  # validate warns when the list of bank holidays ends this soon

IN_BRIEF = "In brief"
COMMANDS = "Commands"
EXAMPLES = "Examples"
EXAMPLE_COMMANDS = (
    "reportinfo findings 3",
    "reportinfo help-contacts --for struggling",
)
HELP_HINT = "Run 'reportinfo --help' for every option, or 'reportinfo COMMAND --help'."
SOURCES_HEADING = "Sources"
BOX_HEADING = "Where to find help"

_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def content_note(report: Report) -> str:
    return f"Content note: {report.content_note.text}"


def described_report(report: Report) -> str:
    """One line saying what the report is: "Serious case review by ..., published April 2017." """
    about = report.about
    kind = about.kind[0].upper() + about.kind[1:]
    return f"{kind} by {about.publisher}, published {about.published}."


def findings_title(report: Report) -> str:
    return f"Key findings: {report.about.title}"


def facts(report: Report) -> list[tuple[str, str]]:
    about = report.about
    return [
        ("Period covered", f"{about.period.start} to {about.period.end}"),
        ("Recommendations", str(about.recommendations)),
        ("Scale", about.scale),
    ]


FOR = "For:"
COST = "Cost:"
HOURS_DASH = " – "  # between an address and its hours: no punctuation glued to the address
PUBLISHED_AT = "Report as published:"
LISTED_AT = "Where to find it today:"


def emergency_lead(contact: Contact) -> str:
    """The emergency line up to its number: "If you ... straight away:"."""
    return f"{contact.who.rstrip('.')}:"


class Signpost(NamedTuple):
    """A calm line naming one number: "Struggling to cope? Samaritans: 116 123, any time."."""

    question: str
    name: str
    number: str
    any_time: bool

    @property
    def lead(self) -> str:
        return f"{self.question} {self.name}:"

    @property
    def end(self) -> str:
        return ", any time." if self.any_time else "."

    def __str__(self) -> str:
        return f"{self.lead} {self.number}{self.end}"


def signposts(report: Report) -> list[Signpost]:
    """The lines that end summary, findings and the overview: one per signposted group, naming
    the first phone number in the group."""
    lines = []
    for group in report.groups:
        if group.signpost is None:
            continue
        for contact_id in group.contacts:
            contact = report.contact(contact_id)
            phone = first_phone(contact)
            if phone is not None:
                any_time = bool(phone.hours and phone.hours.always)
                lines.append(Signpost(group.signpost, contact.name, phone.value, any_time))
                break
    return lines


def channel_label(channel: Channel) -> str:
    default = {"phone": "Phone", "email": "Email", "web": "Web", "text": "Text"}[channel.kind]
    return channel.label or default


def text_message(channel: Channel) -> tuple[str, str]:
    """A text-message channel as (the words before the number, the number): "SHOUT to", "85258"."""
    return f"{channel.message} to", channel.value


def hours_text(channel: Channel) -> str | None:
    return f"{channel.hours.text}." if channel.hours else None


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


def checked(day: date) -> str:
    return f"Details checked {long_date(day)}."


def all_checked(day: date) -> str:
    return f"All details checked {long_date(day)}."


def source_published(source: Source) -> str:
    return source.publisher + (f", {source.date}" if source.date else "") + "."


def source_checked(source: Source) -> str | None:
    return f"Checked {long_date(source.checked)}." if source.checked else None


def is_stale(report: Report, now: datetime) -> bool:
    """Were the contact details checked more than a year before today, in the UK?"""
    from reportinfo.hours import uk_date

    return (uk_date(now) - report.contacts_checked).days > STALE_AFTER_DAYS


def stale_warning(checked_on: date, sources_command: str) -> str:
    return (
        f"Note: these contact details were checked on {long_date(checked_on)}, more than a year "
        "ago. Numbers and opening times change: confirm them on each service's own website "
        f"(run '{sources_command}')."
    )


def long_date(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
