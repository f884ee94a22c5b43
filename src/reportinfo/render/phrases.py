"""Every sentence the output formats share, built from the report's own data.

The other modules decide where words go and how they look; the words themselves are here.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from reportinfo.model import Channel, Contact, Report, Source

CONTACTS_COMMAND = "reportinfo help-contacts"
MORE_HELP = "More help:"
OPEN_NOW = "Open now:"
ANY_TIME = "Any time:"
# BT's Text Relay price list: "the number they will dial will be prefixed by 18001".
# Ends the one error line when a section's report file cannot be used: the reader may have
# come for the help lines, which that file was to give.
AFTER_A_BAD_FILE = "In danger now? Call 999."
RELAY_PREFIX = (
    "Using a textphone or the Relay UK app? You can call any number here through Relay UK: "
    "put 18001 before it, for example 18001 0808 800 5000."
)
STALE_AFTER_DAYS = 365

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
# The help lead: the 999 line and a few lines near the top of a long section, so that its
# first screen (where a pager opens) has them; their full entries are further on.
LEAD_LINES = "Help lines:"
LEAD_MORE_AT_END = f"More under “{BOX_HEADING}”, at the end."
LEAD_MORE_BELOW = "Who each is for, and when it is open, below."
# Before the 999 line on a web page: words that set it apart where a sanitizer strips the
# style, the class and even the paragraphs.
EMERGENCY_LABEL = "Emergency:"

MONTH_NAMES = (
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


class SignpostLine(NamedTuple):
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


def channel_label(channel: Channel) -> str:
    default = {"phone": "Phone", "email": "Email", "web": "Web", "text": "Text"}[channel.kind]
    return channel.label or default


def hours_text(channel: Channel) -> str | None:
    return f"{channel.hours.text}." if channel.hours else None


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


def stale_warning_for_web(checked_on: date) -> str:
    return (
        f"Note: these contact details were checked on {long_date(checked_on)}, more than a year "
        "ago. Numbers and opening times change: check each service's own website before you call."
    )


def stale_warning(checked_on: date, sources_command: str) -> str:
    return (
        f"Note: these contact details were checked on {long_date(checked_on)}, more than a year "
        "ago. Numbers and opening times change: confirm them on each service's own website "
        f"(run '{sources_command}')."
    )


def long_date(day: date) -> str:
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
