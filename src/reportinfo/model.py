"""The report as typed, validated data. No I/O, no click, no rich.

Records are NamedTuples: immutable and typed like frozen dataclasses, but several times cheaper
to define, which every command pays for at start-up.

`build_report` turns parsed YAML into a `Report` or raises `DataError` listing every problem,
each with the path of the field it concerns (for example ``findings[2].text``).
"""

# No `from __future__ import annotations` here: the converter reads these annotations at run
# time, and evaluating them once at definition is cheaper than compiling them from strings.
import datetime as dt
import re
from collections.abc import Iterable
from typing import Literal, NamedTuple

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
ChannelKind = Literal["phone", "email", "web"]

WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class Problem(NamedTuple):
    """One thing wrong with a report file; `path` is empty for problems with the whole file."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" if self.path else self.reason


class DataError(Exception):
    """A report file that cannot be used. `problems` holds at least one `Problem`."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(str(problems[0]))
        self.problems = problems


class Period(NamedTuple):
    start: int
    end: int


class About(NamedTuple):
    """What the report is."""

    title: str
    kind: str
    publisher: str
    published: str
    period: Period
    recommendations: int
    scale: str
    link: str  # id of the source that is the report itself
    sources: tuple[str, ...]


class Statement(NamedTuple):
    """A sentence or two of plain text: a summary point, a finding or the content note."""

    text: str
    sources: tuple[str, ...]
    quotes: tuple[str, ...] = ()  # the source's exact words, each shown in quotation marks


class WeeklyOpening(NamedTuple):
    days: tuple[Weekday, ...]
    opens: str  # "HH:MM", UK time
    closes: str  # "HH:MM"; "24:00" is midnight at the end of the day


class Hours(NamedTuple):
    text: str  # the hours in words, as a person would say them
    always: bool = False
    weekly: tuple[WeeklyOpening, ...] = ()


class Channel(NamedTuple):
    kind: ChannelKind
    value: str
    label: str | None = None
    hours: Hours | None = None  # None: the sources do not give hours


class Contact(NamedTuple):
    id: str
    name: str
    who: str
    channels: tuple[Channel, ...]
    checked: dt.date
    sources: tuple[str, ...]
    cost: str | None = None  # None: the sources do not say
    emergency: bool = False


class Source(NamedTuple):
    id: str
    title: str
    publisher: str
    url: str
    date: str | None = None  # as published, for example "April 2017"
    checked: dt.date | None = None
    note: str | None = None


class Report(NamedTuple):
    report: About
    content_note: Statement
    summary: tuple[Statement, ...]
    findings: tuple[Statement, ...]
    contacts: tuple[Contact, ...]
    sources: tuple[Source, ...]

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)

    def sources_cited(self, *groups: tuple[str, ...]) -> tuple[Source, ...]:
        """The sources named in `groups` of ids, in the order of the report's source list."""
        wanted = {source_id for group in groups for source_id in group}
        return tuple(s for s in self.sources if s.id in wanted)

    @property
    def emergency(self) -> tuple[Contact, Channel] | None:
        return _first_phone(c for c in self.contacts if c.emergency)

    @property
    def helpline(self) -> tuple[Contact, Channel] | None:
        """The first non-emergency line to call: the one named at the end of each section."""
        return _first_phone(c for c in self.contacts if not c.emergency)

    @property
    def contacts_checked(self) -> dt.date:
        """When the contact details were last confirmed: the oldest check of any contact."""
        return min(c.checked for c in self.contacts)


def _first_phone(contacts: Iterable[Contact]) -> tuple[Contact, Channel] | None:
    for contact in contacts:
        for channel in contact.channels:
            if channel.kind == "phone":
                return contact, channel
    return None


def build_report(data: object) -> Report:
    """Check parsed YAML against the schema and the rules below, or raise `DataError`."""
    from reportinfo.convert import convert

    report = convert(Report, data)
    problems = check(report)
    if problems:
        raise DataError(problems)
    return report


# The source article printed the NSPCC helpline with digits that no NSPCC page lists. A number
# in this set is refused as a number to call, so it can never be shown as one.
MISPRINTED_NUMBERS = frozenset({"08085001111"})

_PHONE = re.compile(r"\+?[0-9]+( [0-9]+)*")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_WEB = re.compile(r"(https?://)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(/\S*)?")
_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]|24:00")
_QUOTED = re.compile(r"“([^”]*)”|\"([^\"]*)\"")


def check(report: Report) -> list[Problem]:
    """Rules that span fields: references resolve, quotes are marked, values are well formed."""
    problems: list[Problem] = []
    source_ids = [s.id for s in report.sources]
    problems += _duplicates("sources", source_ids)
    problems += _duplicates("contacts", [c.id for c in report.contacts])

    def cited(path: str, ids: tuple[str, ...]) -> None:
        for i, source_id in enumerate(ids):
            if source_id not in source_ids:
                problems.append(_unknown_source(f"{path}[{i}]", source_id, source_ids))

    about = report.report
    cited("report.sources", about.sources)
    if about.link not in source_ids:
        problems.append(_unknown_source("report.link", about.link, source_ids))
    if about.period.start > about.period.end:
        problems.append(Problem("report.period", "start is after end"))
    if about.recommendations < 0:
        problems.append(Problem("report.recommendations", "must not be negative"))

    statements = [("content_note", report.content_note)]
    statements += [(f"summary[{i}]", s) for i, s in enumerate(report.summary)]
    statements += [(f"findings[{i}]", s) for i, s in enumerate(report.findings)]
    for path, statement in statements:
        cited(f"{path}.sources", statement.sources)
        problems += _check_quotes(path, statement)

    for i, contact in enumerate(report.contacts):
        cited(f"contacts[{i}].sources", contact.sources)
        for j, channel in enumerate(contact.channels):
            problems += _check_channel(f"contacts[{i}].channels[{j}]", channel)

    for i, source in enumerate(report.sources):
        if not _WEB.fullmatch(source.url):
            problems.append(Problem(f"sources[{i}].url", "expected a web address"))
    return problems


def _duplicates(path: str, ids: list[str]) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for i, item_id in enumerate(ids):
        if item_id in seen:
            problems.append(Problem(f"{path}[{i}].id", f"'{item_id}' is used twice"))
        seen.add(item_id)
    return problems


def _unknown_source(path: str, source_id: str, known: list[str]) -> Problem:
    from difflib import get_close_matches

    close = get_close_matches(source_id, known, n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return Problem(path, f"no source has the id '{source_id}'{hint}")


def _check_quotes(path: str, statement: Statement) -> list[Problem]:
    """Words in quotation marks must be listed as quotes, and listed quotes must be marked."""
    marked = [a or b for a, b in _QUOTED.findall(statement.text)]
    problems = [
        Problem(f"{path}.text", f"“{words}” is in quotation marks but not listed in quotes")
        for words in marked
        if words not in statement.quotes
    ]
    problems += [
        Problem(f"{path}.quotes[{i}]", f"“{words}” is not in quotation marks in the text")
        for i, words in enumerate(statement.quotes)
        if words not in marked
    ]
    return problems


def _check_channel(path: str, channel: Channel) -> list[Problem]:
    problems = []
    pattern = {"phone": _PHONE, "email": _EMAIL, "web": _WEB}[channel.kind]
    if not pattern.fullmatch(channel.value):
        problems.append(Problem(f"{path}.value", f"expected a {channel.kind} address or number"))
    elif channel.kind == "phone" and channel.value.replace(" ", "") in MISPRINTED_NUMBERS:
        problems.append(Problem(f"{path}.value", "is a misprinted number; it must not be shown"))
    if channel.hours is not None:
        problems += _check_hours(f"{path}.hours", channel.hours)
    return problems


def _check_hours(path: str, hours: Hours) -> list[Problem]:
    if hours.always == bool(hours.weekly):
        return [Problem(path, "give either 'always: true' or a 'weekly' list, not both or neither")]
    problems = []
    for i, opening in enumerate(hours.weekly):
        where = f"{path}.weekly[{i}]"
        times_ok = True
        for name in ("opens", "closes"):
            if not _TIME.fullmatch(getattr(opening, name)):
                problems.append(
                    Problem(f"{where}.{name}", "expected a time as HH:MM, 00:00 to 24:00")
                )
                times_ok = False
        if times_ok and opening.opens >= opening.closes:
            problems.append(Problem(where, "opens must be before closes"))
    return problems
