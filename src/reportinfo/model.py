"""The report as typed records. Only records: no I/O, no rules, and no import of our own.

Records are NamedTuples: immutable and typed like frozen dataclasses, but several times cheaper
to define, which every command pays for at start-up. `validate.py` builds them from parsed YAML
and checks the rules that span fields; everything else only reads them.
"""

# No `from __future__ import annotations` here: the validator reads these annotations at run
# time, and evaluating them once at definition is cheaper than compiling them from strings.
import datetime as dt
from collections.abc import Iterable
from typing import Literal, NamedTuple

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
ChannelKind = Literal["phone", "email", "web", "text"]
BankHolidayHours = Literal["unknown", "closed", "usual"]

WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


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
    link: str  # id of the source that is the report as published
    sources: tuple[str, ...]
    listed: str | None = None  # id of the source where the report is listed today


class Statement(NamedTuple):
    """A sentence or two of plain text: a summary point, a finding or the content note."""

    text: str
    sources: tuple[str, ...]
    quotes: tuple[str, ...] = ()  # the source's exact words, each shown in quotation marks
    said_by: str | None = None  # for findings: the id of a voice (who said it)


class Voice(NamedTuple):
    """Who said a finding: the review itself, or someone reacting to it."""

    id: str
    heading: str


class WeeklyOpening(NamedTuple):
    days: tuple[Weekday, ...]
    opens: str  # "HH:MM", UK time
    closes: str  # "HH:MM"; "24:00" is midnight at the end of the day


class Hours(NamedTuple):
    text: str  # the hours in words, as a person would say them
    always: bool = False  # open every hour of every day, bank holidays included
    weekly: tuple[WeeklyOpening, ...] = ()
    bank_holidays: BankHolidayHours = "unknown"  # "usual": the weekly hours hold
    # An out-of-hours line: open whenever the contact's first phone line (its office line) is
    # not open, bank holidays included. No `weekly` then: its hours are the office line's gaps.
    out_of_hours: bool = False


class Channel(NamedTuple):
    kind: ChannelKind  # "text": a text message; `value` is the number to text
    value: str
    label: str | None = None
    hours: Hours | None = None  # None: the sources do not give hours
    message: str | None = None  # for kind "text": the word to send


class Contact(NamedTuple):
    id: str
    name: str
    who: str
    channels: tuple[Channel, ...]
    checked: dt.date
    sources: tuple[str, ...]
    cost: str | None = None  # None: the sources do not say
    emergency: bool = False
    note: str | None = None  # anything else a caller should know, such as where hours are


class Group(NamedTuple):
    """Contacts for one kind of need, in the order they are shown."""

    id: str
    heading: str
    contacts: tuple[str, ...]  # contact ids
    signpost: str | None = None  # the question that ends summary and findings, if any


class BankHolidays(NamedTuple):
    region: str
    dates: tuple[dt.date, ...]
    checked: dt.date
    sources: tuple[str, ...]


class Source(NamedTuple):
    id: str
    title: str
    publisher: str
    url: str
    date: str | None = None  # as published, for example "April 2017"
    checked: dt.date | None = None
    note: str | None = None


class Report(NamedTuple):
    about: About
    content_note: Statement
    summary: tuple[Statement, ...]
    findings: tuple[Statement, ...]
    groups: tuple[Group, ...]
    contacts: tuple[Contact, ...]
    sources: tuple[Source, ...]
    voices: tuple[Voice, ...] = ()  # who said the findings; none: the report itself
    bank_holidays: BankHolidays | None = None  # None: bank holidays are not known

    def source(self, source_id: str) -> Source:
        return _index(self).sources[source_id]

    def contact(self, contact_id: str) -> Contact:
        return _index(self).contacts[contact_id]

    def sources_cited(self, *groups: Iterable[str]) -> tuple[Source, ...]:
        """The sources named in `groups` of ids, in the order of the report's source list."""
        wanted = {source_id for group in groups for source_id in group}
        return tuple(s for s in self.sources if s.id in wanted)

    def group_of(self, contact_id: str) -> Group:
        return _index(self).group_of[contact_id]

    @property
    def emergency(self) -> tuple[Contact, ...]:
        return tuple(c for c in self.contacts if c.emergency)

    @property
    def contacts_checked(self) -> dt.date:
        """When the contact details were last confirmed: the oldest check of any contact."""
        return min(c.checked for c in self.contacts)


class _Index:
    """A report's records by id, so that looking one up takes the same time with 10 or 10,000.
    Not a record: nothing in a report file."""

    __slots__ = ("contacts", "group_of", "report", "sources")

    def __init__(self, report: Report) -> None:
        self.report = report  # held, so that its id() cannot be reused while the index is kept
        # The first record with an id wins, as a search from the start of the list finds it.
        self.sources: dict[str, Source] = {}
        for source in report.sources:
            self.sources.setdefault(source.id, source)
        self.contacts: dict[str, Contact] = {}
        for contact in report.contacts:
            self.contacts.setdefault(contact.id, contact)
        self.group_of: dict[str, Group] = {}
        for group in report.groups:
            for contact_id in group.contacts:
                self.group_of.setdefault(contact_id, group)


_INDEXES: dict[int, _Index] = {}
_INDEXES_KEPT = 4  # a command reads one report; library use may read a few in turn


def _index(report: Report) -> _Index:
    """The report's index, built on first use and kept. A NamedTuple has no room for a cache
    of its own, so the index lives here, keyed by the report's identity."""
    index = _INDEXES.get(id(report))
    if index is not None and index.report is report:
        return index
    while len(_INDEXES) >= _INDEXES_KEPT:
        del _INDEXES[next(iter(_INDEXES))]
    index = _INDEXES[id(report)] = _Index(report)
    return index


# Keys in the file that differ from the field names: the file says `report:` for what the report
# is, which reads well there; in code, `report.about` reads better than `report.report`.
YAML_KEYS: dict[tuple[type, str], str] = {(Report, "about"): "report"}


def yaml_key(record: type, field: str) -> str:
    """The key a record's field has in a report file."""
    return YAML_KEYS.get((record, field), field)


def first_phone(contact: Contact) -> Channel | None:
    return next((ch for ch in contact.channels if ch.kind == "phone"), None)
