"""Sentences shared by every output format, built from the report's own data."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from reportinfo.model import Channel, Contact, Report, Source

if TYPE_CHECKING:
    from reportinfo.hours import LineStatus

CONTACTS_COMMAND = "reportinfo help-contacts"
HOURS_CAVEAT = "Opening times are UK time and do not allow for bank holidays."
STALE_AFTER_DAYS = 365


def content_note(report: Report) -> str:
    return f"Content note: {report.content_note.text}"


def described_report(report: Report) -> str:
    """One line saying what the report is: "Serious case review by ..., published April 2017." """
    about = report.report
    kind = about.kind[0].upper() + about.kind[1:]
    return f"{kind} by {about.publisher}, published {about.published}."


def help_footer(report: Report) -> str:
    """The calm line that ends each section: one number to call, and where the rest are."""
    helpline = report.helpline
    if helpline is None:
        return f"For support contacts, run: {CONTACTS_COMMAND}"
    contact, channel = helpline
    return f"Worried about a child? {contact.name}: {channel.value}. More help: {CONTACTS_COMMAND}"


def emergency_line(report: Report) -> str | None:
    emergency = report.emergency
    if emergency is None:
        return None
    contact, channel = emergency
    return f"{contact.who.rstrip('.')}: {channel.value}."


def channel_label(channel: Channel) -> str:
    return channel.label or {"phone": "Phone", "email": "Email", "web": "Web"}[channel.kind]


def channel_status(channel: Channel, now: datetime) -> str | None:
    """Open-now wording for phone lines with known hours; None for everything else."""
    line = channel_line_status(channel, now)
    if line is None:
        return None
    from reportinfo import hours

    return hours.describe(line, now)


def channel_line_status(channel: Channel, now: datetime) -> LineStatus | None:
    """Whether a phone line with known hours is open now; None for everything else."""
    if channel.kind != "phone" or channel.hours is None:
        return None
    from reportinfo import hours  # zoneinfo is only needed here

    return hours.status(channel.hours, now)


def channel_hours(channel: Channel) -> str | None:
    return f"{channel.hours.text}." if channel.hours else None


def channel_when(channel: Channel, now: datetime) -> str:
    """When a channel is open, in words: its hours, then (for a phone line) whether open now."""
    status = channel_status(channel, now)
    sentences = [channel_hours(channel), f"{status}." if status else None]
    return " ".join(sentence for sentence in sentences if sentence)


def source_line(source: Source) -> str:
    """A source as one line: title, publisher, date, address, when checked, any note."""
    parts = [f"{source.title}.", f"{source.publisher}{', ' + source.date if source.date else ''}."]
    parts.append(source.url)
    if source.checked:
        parts.append(f"(checked {long_date(source.checked)})")
    line = " ".join(parts)
    return f"{line} Note: {source.note}" if source.note else line


def contact_checked(contact: Contact) -> str:
    return f"Details checked {long_date(contact.checked)}."


def is_stale(report: Report, now: datetime) -> bool:
    """Were the contact details checked more than a year before today, in the UK?"""
    from reportinfo import hours

    today = now.astimezone(hours.UK).date()
    return (today - report.contacts_checked).days > STALE_AFTER_DAYS


def stale_warning(checked: date) -> str:
    return (
        f"note: these contact details were checked on {long_date(checked)}, more than a year ago. "
        "Numbers and opening times change: confirm them on each service's own website "
        "(see 'reportinfo sources')."
    )


def long_date(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


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
